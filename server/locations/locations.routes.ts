// Locations over HTTP: read by anyone (addresses of public teams), written by editors of a
// team working there (or any editor for an address no team uses yet) and admins.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canEdit, forbidden, requireRole, requireSignedIn, signedIn } from '../auth/guards';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { etagOf, StaleBody } from '../http/versioning';
import { archiveLocation, buurtOf, createLocation, getLocation, locationOwners, patchLocation, verifyLocation } from './locations.queries';
import { Location, LocationCreate, LocationPatch } from './locations.schemas';

const locationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (id: string) => () => getLocation(db, id);
  const mayEdit = (request: FastifyRequest, id: string) => async () => {
    if (!(await getLocation(db, id))) throw notFound('locatie', id);
    const audience = signedIn(request);
    const owners = await locationOwners(db, id);
    const allowed = audience.kind === 'admin' || (audience.kind === 'editor' && (owners.length === 0 || owners.some((o) => canEdit(audience, o))));
    if (!allowed) throw forbidden();
  };

  app.get('/api/locations/:id', {
    schema: { tags: ['directory'], summary: 'A location with the teams working there', params: IdParams, response: { 200: Location, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const location = await getLocation(db, request.params.id, request.audience);
    if (!location) throw notFound('locatie', request.params.id);
    return reply.header('etag', etagOf(location.version)).send(location);
  });

  app.post('/api/locations', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Add an address (link it to a team with PATCH /api/teams/{id} location_ids)', body: LocationCreate, response: { 201: Location, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const buurt = await buurtOf(db, request.body);
    const id = await createLocation(db, { actorAccountId: signedIn(request).accountId }, request.body, buurt);
    return sendCreated(reply, (await getLocation(db, id))!, `/api/locations/${id}`);
  });

  app.patch('/api/locations/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change the fields sent (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: LocationPatch, response: { 200: Location, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const current = await getLocation(db, request.params.id);
    const moved = request.body.lat !== undefined || request.body.lon !== undefined;
    const buurt = moved && current ? await buurtOf(db, { lat: request.body.lat ?? current.lat, lon: request.body.lon ?? current.lon }) : undefined;
    return versionedWrite({
      request, reply, load: load(request.params.id), authorise: mayEdit(request, request.params.id),
      write: (ctx, expected) => patchLocation(db, ctx, request.params.id, expected, request.body, buurt),
    });
  });

  app.delete('/api/locations/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a location (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request.params.id), authorise: mayEdit(request, request.params.id),
    write: (ctx, expected) => archiveLocation(db, ctx, request.params.id, expected, app.clock()),
  }));

  app.post('/api/locations/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the location is still right (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: Location, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: mayEdit(request, request.params.id),
    write: (ctx, expected) => verifyLocation(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default locationsRoutes;
