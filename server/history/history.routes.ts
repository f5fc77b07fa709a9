// GET /api/<collection>/:id/history: a record's changes for its editors and admins only
// (never residents, nor professionals outside the record's organisation or team).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canEdit, forbidden, requireSignedIn, signedIn } from '../auth/guards';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { isCurrentMembership } from '../domain/membership';
import { seesTeamLevelFields, TEAM_LEVEL_FIELDS } from '../people/visibility';
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

type Owner = { organisationId?: string | null; teamId?: string | null };
const OUTSIDE = 'Alleen redacteuren van dit gegeven zien de geschiedenis. / Only editors of this record see its history.';

const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  /** The owners of a record (any one of them admits an editor), or a 404. */
  const owners: Record<HistoryEntity, (id: string) => Promise<Owner[] | undefined>> = {
    team: async (id) => {
      const t = await db.selectFrom('teams').select(['id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
      return t && [{ teamId: t.id, organisationId: t.organisation_id }];
    },
    organisation: async (id) => {
      const o = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
      return o && [{ organisationId: o.id }];
    },
    location: async (id) => {
      const l = await db.selectFrom('locations').select('id').where('id', '=', id).executeTakeFirst();
      if (!l) return undefined;
      return db.selectFrom('team_locations as tl').innerJoin('teams as t', 't.id', 'tl.team_id')
        .select(['t.id as teamId', 't.organisation_id as organisationId']).where('tl.location_id', '=', id).execute();
    },
    person: async (id) => {
      const p = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
      if (!p) return undefined;
      // as for editing a person: the teams they work in now
      return db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['t.id as teamId', 't.organisation_id as organisationId']).where('m.person_id', '=', id).where(isCurrentMembership('m')).execute();
    },
  };

  const route = (collection: string, entity: HistoryEntity, label: string) => app.get(`/api/${collection}/:id/history`, {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: `Who changed what in this ${entity} and when (its editors and admins only)`,
      params: IdParams, response: { 200: History, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const audience = signedIn(request);
    const id = request.params.id;
    const found = await owners[entity](id);
    if (!found) throw notFound(label, id);
    if (audience.kind !== 'admin' && !found.some((o) => canEdit(audience, o))) throw forbidden(OUTSIDE);
    // People: 'team'-level values only for a reader the visibility module admits to them.
    const hidden = entity === 'person' && !(await seesTeamLevelFields(db, audience, id)) ? TEAM_LEVEL_FIELDS : [];
    const items = await recordHistory(db, entity, id, hidden);
    return { items, names: await referenceNames(db, items) };
  });

  route('teams', 'team', 'team');
  route('people', 'person', 'persoon');
  route('organisations', 'organisation', 'organisatie');
  route('locations', 'location', 'locatie');
};

export default historyRoutes;
