// Subscribing to the weekly digest of an area's changes (sendDigests in digest.job.ts mails it).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn, signedIn } from '../auth/auth.guards';
import { HttpError } from '../http/errors';
import { errorResponses } from '../http/schemas';
import { findArea } from './area.queries';
import { subscribe, subscriptionsOf, unsubscribe } from './digest.queries';
import { AreaBody, Subscriptions } from './onboarding.schemas';

const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const schema = (summary: string, withBody: boolean) => ({
    tags: ['directory'], summary, ...(withBody ? { body: AreaBody } : {}), response: { 200: Subscriptions, ...errorResponses(400, 401, 404) },
  });

  app.get('/api/me/digest', { preHandler: requireSignedIn, schema: schema('The areas whose weekly digest you receive', false) },
    async (request) => ({ areas: await subscriptionsOf(db, signedIn(request).accountId) }));

  app.put('/api/me/digest', { preHandler: requireSignedIn, schema: schema('Receive the weekly digest of an area', true) }, async (request) => {
    const { accountId } = signedIn(request);
    const { area } = request.body as { area: string };
    if (!(await findArea(db, area))) throw new HttpError(404, 'not_found', `Gebied ${area} bestaat niet.`, [{ field: 'area', in: 'body', message: 'No such area' }]);
    await subscribe(db, accountId, area);
    return { areas: await subscriptionsOf(db, accountId) };
  });

  app.delete('/api/me/digest', { preHandler: requireSignedIn, schema: schema('Stop the weekly digest of an area', true) }, async (request) => {
    const { accountId } = signedIn(request);
    await unsubscribe(db, accountId, (request.body as { area: string }).area);
    return { areas: await subscriptionsOf(db, accountId) };
  });
};

export default digestRoutes;
