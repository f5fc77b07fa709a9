// The wijk's change feed. Signed in only: who joined or left a team says something about
// people who did not opt in to being shown to residents, and the feed is for colleagues.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn, signedIn } from '../auth/auth.guards';
import { HttpError } from '../http/errors';
import { errorResponses } from '../http/schemas';
import { findArea } from './area.queries';
import { areaChanges } from './changes.queries';
import { Changes, ChangesParams, ChangesQuery } from './onboarding.schemas';
import { NEW_IN_WIJK_WEEKS } from '../domain/kennismaken';

const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/api/areas/:code/changes', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'Who joined, left or changed role, and teams that started or stopped serving the area, newest first (signed in)', params: ChangesParams, querystring: ChangesQuery, response: { 200: Changes, ...errorResponses(400, 401, 404) } },
  }, async (request) => {
    const area = await findArea(db, request.params.code);
    if (!area) throw new HttpError(404, 'not_found', `Gebied ${request.params.code} bestaat niet.`, [{ field: 'code', in: 'path', message: 'No such area' }]);
    const since = request.query.since ? new Date(request.query.since) : new Date(app.clock().getTime() - NEW_IN_WIJK_WEEKS * 7 * 86_400_000);
    return { area, since: since.toISOString(), items: await areaChanges(db, signedIn(request), area.code, since) };
  });
};

export default changesRoutes;
