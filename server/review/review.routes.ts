// GET /api/review: the "te controleren" list of an editor (or admin), stalest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole, signedIn } from '../auth/auth.guards';
import { authorise } from '../http/authorise';
import { errorResponses } from '../http/schemas';
import { notFound } from '../http/errors';
import { reviewItems, reviewPolicy, type ReviewScope } from './review.queries';
import { ReviewList, ReviewQuery } from './review.schemas';

const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get('/api/review', {
    preHandler: requireRole('editor'),
    schema: {
      tags: ['editing'], summary: 'Te controleren: stale or nearly stale teams and people you may edit, stalest first',
      querystring: ReviewQuery, response: { 200: ReviewList, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const audience = signedIn(request);
    let scope: ReviewScope = {};
    if (request.query.scope) {
      const id = request.query.scope;
      const org = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
      const team = org ? undefined : await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst();
      if (!org && !team) throw notFound('organisatie of team', id);
      scope = org ? { organisationId: id } : { teamId: id };
      // An editor names only what they edit: their organisation, or one of their teams.
      await authorise(db, audience, 'edit', org ? 'organisation' : 'team', id);
    }
    const items = await reviewItems(db, audience, scope, app.clock());
    return {
      items: items.map((i) => ({ ...i, verify_url: `/api/${i.kind === 'team' ? 'teams' : 'people'}/${i.id}/verify` })),
      ...reviewPolicy(),
    };
  });
};

export default reviewRoutes;
