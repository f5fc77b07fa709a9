// The verwijswijzer over HTTP (api.md "Pathways"). Reading: everyone, residents their own
// pathways in their own words; professional pathways need a sign-in. Resolving for an address
// goes through the lookup feature, so contact persons come as the caller may see them.
// Writing: admins (the permission module), with If-Match, history and "klopt nog".
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { authorise, notSignedIn } from '../http/authorise';
import { errorResponses } from '../http/schemas';
import { HttpError, notFound } from '../http/errors';
import { StaleBody } from '../http/versioning';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { recordHistory } from '../history/history.queries';
import { createGeocoder, type Locatieserver } from '../geocoder/geocoder.locatieserver';
import type { Audience } from '../domain/audience';
import { getPathway, listPathways, pathwayByKey, readablePathways, teamTypeOf, toDetail } from './pathways.queries';
import { namesPlace, placeFor, resolvePathways } from './pathways.resolve';
import { PathwayDetail, PathwayList, PathwayListQuery, PathwayParams, PathwayPatch, PathwayWrite, ResolvedPathway, ResolvedPathways, ResolveQuery } from './pathways.schemas';
import { archivePathway, createPathway, patchPathway, verifyPathway } from './pathways.write';

export interface PathwaysRoutesOptions { geocoder?: Locatieserver | null }

const History = z.object({
  items: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
});

const pathwaysRoutes: FastifyPluginAsyncZod<PathwaysRoutesOptions> = async (app, options) => {
  const db = app.database.db;
  const geocoder = options.geocoder !== undefined ? options.geocoder : createGeocoder(app.config);

  /** The pathway's row when this audience may read it: 404 unknown, 401 professional-only for residents. */
  async function readable(audience: Audience, key: string) {
    const row = await pathwayByKey(db, key);
    if (!row) throw notFound('verwijsroute', key);
    if (audience.kind === 'anonymous' && row.audience === 'professionals') {
      throw new HttpError(401, 'not_signed_in', 'Deze verwijsroute is voor professionals: log eerst in. / This pathway is for professionals: please sign in.');
    }
    return row;
  }
  /** The id of a pathway for a write: 404 unknown (archived: only history asks for those). */
  async function idOf(key: string, archived = false) {
    const row = await pathwayByKey(db, key, { archived });
    if (!row) throw notFound('verwijsroute', key);
    return row.id;
  }

  app.get('/api/pathways', {
    schema: {
      tags: ['directory'], summary: 'Pathways (verwijsroutes): per situation, whom to involve first',
      description: 'Residents get only the pathways written for them, in their words. `topic` narrows to a help topic, '
        + '`team` to the pathways in which a team of that team\'s type is a step.',
      querystring: PathwayListQuery, response: { 200: PathwayList, ...errorResponses(400) },
    },
  }, async (request) => {
    const { topic, team } = request.query;
    const teamType = team ? await teamTypeOf(db, team) : undefined;
    if (team && !teamType) return { items: [] };
    return { items: await listPathways(db, request.audience, { topic, teamType }) };
  });

  app.get('/api/pathways/at', {
    schema: {
      tags: ['directory'], summary: 'Every pathway the caller may read, resolved for one address or buurt',
      description: 'The same query as `GET /api/pathways/{key}` (postcode + number, address, lat + lon, or area). The huisarts\'s address answer.',
      querystring: ResolveQuery, response: { 200: ResolvedPathways, ...errorResponses(400, 404, 503) },
    },
  }, async (request, reply) => {
    if (!namesPlace(request.query)) {
      throw new HttpError(400, 'bad_request', 'Geef een adres (postcode en huisnummer) of een buurtcode.', [{ field: 'postcode', in: 'querystring', message: 'Give postcode and number, address, lat and lon, or area' }]);
    }
    const place = await placeFor(db, geocoder, request.audience, request.query);
    const rows = await readablePathways(db, request.audience);
    const items = await resolvePathways(db, request.audience, place, rows);
    return reply.header('cache-control', 'private, no-store').send({ items });
  });

  app.get('/api/pathways/:key', {
    schema: {
      tags: ['directory'], summary: 'One pathway: resolved for an address or buurt, or as written (without one)',
      description: 'With `postcode` + `number` (or `address`, `lat` + `lon`, `area`): each team step names the team serving that address, '
        + 'its contact person as the caller may see them, its phone and how to reach it; `missing` when no team of that type serves it, '
        + 'with the nearest one. Without: the pathway as stored, with `may` and the ETag. Professional pathways need a sign-in (401).',
      params: PathwayParams, querystring: ResolveQuery,
      response: { 200: z.union([ResolvedPathway, PathwayDetail]), ...errorResponses(400, 401, 404, 503) },
    },
  }, async (request, reply) => {
    const row = await readable(request.audience, request.params.key);
    if (!namesPlace(request.query)) {
      return reply.header('etag', `"${row.version}"`).header('cache-control', 'private, no-cache').send(toDetail(request.audience, row));
    }
    const place = await placeFor(db, geocoder, request.audience, request.query);
    const [resolved] = await resolvePathways(db, request.audience, place, [row]);
    return reply.header('cache-control', 'private, no-store').send(resolved!);
  });

  const load = (request: FastifyRequest, key: string) => () => getPathway(db, request.audience, key);

  app.post('/api/pathways', {
    preHandler: requireRole('admin'),
    schema: { tags: ['editing'], summary: 'Create a pathway (admins)', body: PathwayWrite, response: { 201: PathwayDetail, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    await createPathway(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await getPathway(db, request.audience, request.body.key))!, `/api/pathways/${request.body.key}`);
  });

  app.patch('/api/pathways/:key', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: 'Change the fields sent (admins; If-Match required)', params: PathwayParams, headers: IfMatchHeaders,
      body: PathwayPatch, response: { 200: PathwayDetail, 412: StaleBody, ...WRITE_ERRORS },
    },
  }, async (request, reply) => {
    const id = await idOf(request.params.key);
    return versionedWrite({
      request, reply, load: load(request, request.params.key),
      authorise: async () => { await authorise(db, request.audience, 'edit', 'pathway', id); },
      write: (ctx, expected) => patchPathway(db, ctx, id, expected, request.body),
    });
  });

  app.delete('/api/pathways/:key', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a pathway (admins; If-Match required)', params: PathwayParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const id = await idOf(request.params.key);
    return versionedWrite({
      request, reply, empty: true, load: load(request, request.params.key),
      authorise: async () => { await authorise(db, request.audience, 'archive', 'pathway', id); },
      write: (ctx, expected) => archivePathway(db, ctx, id, expected, app.clock()),
    });
  });

  app.post('/api/pathways/:key/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the pathway is still right ("klopt nog"; admins; If-Match required)', params: PathwayParams, headers: IfMatchHeaders, response: { 200: PathwayDetail, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const id = await idOf(request.params.key);
    return versionedWrite({
      request, reply, load: load(request, request.params.key),
      authorise: async () => { await authorise(db, request.audience, 'verify', 'pathway', id); },
      write: (ctx, expected) => verifyPathway(db, ctx, id, expected, app.clock()),
    });
  });

  app.get('/api/pathways/:key/history', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Who changed what in this pathway and when (admins)', params: PathwayParams, response: { 200: History, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => {
    if (request.audience.kind === 'anonymous') throw notSignedIn();
    const id = await idOf(request.params.key, true);
    await authorise(db, request.audience, 'history', 'pathway', id, { archived: true });
    return { items: await recordHistory(db, 'pathway', id) };
  });
};

export default pathwaysRoutes;
