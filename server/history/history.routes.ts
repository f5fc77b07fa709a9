// GET /api/<collection>/:id/history: a record's changes for its editors and admins only
// (never residents, nor professionals outside the record's organisation or team).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn, signedIn } from '../auth/auth.guards';
import { authorise } from '../http/authorise';
import { errorResponses, IdParams } from '../http/schemas';
import { seesTeamLevelFields, TEAM_LEVEL_FIELDS } from '../people/people.visibility';
import { type HistoryEntity, recordHistory, referenceNames } from './history.queries';

const History = z.object({
  items: z.array(z.object({
    at: z.string(), actor: z.string().describe('E-mail of the account that made the change, or "verwijderd"'),
    action: z.string().describe('e.g. team.update, person.verify'),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
      .describe('Changed fields with their values before and after ("verborgen" where the reader may not see them)'),
  })).describe('Newest first'),
  names: z.record(z.string(), z.string())
    .describe('The names of the buurten (CBS code), locations, organisations and teams the values refer to, to show them in words'),
});

const OUTSIDE = 'Alleen redacteuren van dit gegeven zien de geschiedenis. / Only editors of this record see its history.';

const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  const route = (collection: string, entity: HistoryEntity) => app.get(`/api/${collection}/:id/history`, {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: `Who changed what in this ${entity} and when (its editors and admins only)`,
      params: IdParams, response: { 200: History, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const audience = signedIn(request);
    const id = request.params.id;
    // archived records keep their history (who archived them, and when)
    await authorise(db, audience, 'history', entity, id, { archived: true, message: OUTSIDE });
    // People: 'team'-level values only for a reader the visibility module admits to them.
    const hidden = entity === 'person' && !(await seesTeamLevelFields(db, audience, id)) ? TEAM_LEVEL_FIELDS : [];
    const items = await recordHistory(db, entity, id, hidden);
    return { items, names: await referenceNames(db, items) };
  });

  route('teams', 'team');
  route('people', 'person');
  route('organisations', 'organisation');
  route('locations', 'location');
};

export default historyRoutes;
