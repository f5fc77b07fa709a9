import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { likePattern } from '../db/sql';
import { mayFlags } from '../domain/permissions';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS, type Audience } from '../domain/audience';

const teamCount = sql<number>`(select count(*)::int from teams t where t.organisation_id = o.id and t.archived_at is null)`.as('team_count');
const COLUMNS = ['o.id', 'o.name', 'o.description', 'o.website', 'o.phone', 'o.email', 'o.last_verified_at'] as const;

export async function listOrganisations(db: Kysely<DB>, query: { page: number; per_page: number; q?: string }) {
  let base = db.selectFrom('organisations as o').where('o.archived_at', 'is', null);
  if (query.q) base = base.where('o.name', 'ilike', likePattern(query.q));
  const [items, count] = await Promise.all([
    base.select([...COLUMNS, teamCount]).orderBy('o.name').orderBy('o.id')
      .limit(query.per_page).offset((query.page - 1) * query.per_page).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n), page: query.page, per_page: query.per_page };
}

export async function getOrganisation(db: Kysely<DB>, id: string, audience: Audience = ANONYMOUS) {
  const org = await db.selectFrom('organisations as o').where('o.id', '=', id).where('o.archived_at', 'is', null)
    .select([...COLUMNS, 'o.version', teamCount]).executeTakeFirst();
  if (!org) return undefined;
  const teams = await db.selectFrom('teams as t').select(['t.id', 't.name', 't.team_type'])
    .where('t.organisation_id', '=', id).where(teamVisibleTo(audience)).orderBy('t.name').execute();
  if (audience.kind === 'anonymous') return { ...org, teams };
  return { ...org, teams, may: mayFlags(audience, { kind: 'organisation', id, archived: false, organisationId: id }) };
}
