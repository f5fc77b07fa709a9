// Locations over HTTP: read by anyone (addresses of public teams), written by the editors of
// the owning organisation and admins (server/domain/permissions.ts); other organisations link
// their teams to it and never edit it.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { mayFlags, ownerOf } from '../domain/permissions';
import { authorise } from '../http/authorise';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { HttpError, notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { etagOf, StaleBody } from '../http/versioning';
import { archiveLocation, buurtOf, createLocation, getLocation, patchLocation, verifyLocation } from './locations.queries';
import { Location, LocationCreate, LocationPatch } from './locations.schemas';

const locationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (id: string) => () => getLocation(db, id);
  const may = (request: FastifyRequest, action: 'edit' | 'verify' | 'archive', id: string) => async () => {
    await authorise(db, request.audience, action, 'location', id);
  };
  /** The location as this audience reads it: signed-in callers also learn what they may do with it. */
  const answer = async (request: FastifyRequest, id: string) => {
    const location = await getLocation(db, id, request.audience);
    if (!location || request.audience.kind === 'anonymous') return location;
    const owner = await ownerOf(db, 'location', id);
    return { ...location, may: owner ? mayFlags(request.audience, owner) : {} };
  };
  /** The owner of a new address: the one named, else the editor's only organisation. */
  const newOwner = (request: FastifyRequest, named: string | undefined): string | null => {
    const audience = signedIn(request);
    if (named) return named;
    if (audience.kind === 'admin') return null;
    if (audience.organisationIds.length === 1) return audience.organisationIds[0]!;
    throw new HttpError(400, 'bad_request', 'Kies de organisatie die eigenaar wordt van dit adres.', [{ field: 'organisation_id', in: 'body', message: 'Required: you edit for more than one organisation (or none)' }]);
  };

  app.get('/api/locations/:id', {
    schema: { tags: ['directory'], summary: 'A location with the teams working there', params: IdParams, response: { 200: Location, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const location = await answer(request, request.params.id);
    if (!location) throw notFound('locatie', request.params.id);
    return reply.header('etag', etagOf(location.version)).send(location);
  });

  app.post('/api/locations', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Add an address (link it to a team with PATCH /api/teams/{id} location_ids)', body: LocationCreate, response: { 201: Location, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const organisationId = newOwner(request, request.body.organisation_id);
    if (organisationId) {
      const known = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).where('archived_at', 'is', null).executeTakeFirst();
      if (!known) throw new HttpError(400, 'bad_request', 'Deze organisatie bestaat niet.', [{ field: 'organisation_id', in: 'body', message: 'No such organisation' }]);
      await authorise(db, request.audience, 'create_location', 'organisation', organisationId);
    }
    const buurt = await buurtOf(db, request.body);
    const id = await createLocation(db, { actorAccountId: signedIn(request).accountId }, { ...request.body, organisation_id: organisationId }, buurt);
    return sendCreated(reply, (await answer(request, id))!, `/api/locations/${id}`);
  });

  app.patch('/api/locations/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change the fields sent (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: LocationPatch, response: { 200: Location, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const current = await getLocation(db, request.params.id);
    const moved = request.body.lat !== undefined || request.body.lon !== undefined;
    const buurt = moved && current ? await buurtOf(db, { lat: request.body.lat ?? current.lat, lon: request.body.lon ?? current.lon }) : undefined;
    return versionedWrite({
      request, reply, load: load(request.params.id), authorise: may(request, 'edit', request.params.id),
      write: (ctx, expected) => patchLocation(db, ctx, request.params.id, expected, request.body, buurt),
    });
  });

  app.delete('/api/locations/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a location (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request.params.id), authorise: may(request, 'archive', request.params.id),
    write: (ctx, expected) => archiveLocation(db, ctx, request.params.id, expected, app.clock()),
  }));

  app.post('/api/locations/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the location is still right (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: Location, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: may(request, 'verify', request.params.id),
    write: (ctx, expected) => verifyLocation(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default locationsRoutes;
