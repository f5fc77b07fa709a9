// Teams: the unit people look for. Free functions, db first, no HTTP.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { likePattern } from '../db/sql';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { buurtCodesUnder } from '../areas/areas.queries';
import { mayFlags, ownersOf } from '../domain/permissions';
import { listMembers } from '../people/people.queries';
import { directoryState } from '../domain/directory-changes';
import type { TeamListQuery } from './teams.schemas';
import { teamVisibleTo } from '../domain/team-visibility';
import { phonesFor } from '../people/people.visibility';
import { stalenessOf } from '../domain/staleness';
import { hasServiceFilters, matchTeams } from '../services/services.filters';
import { locationServiceData, teamServiceData } from '../services/services.queries';

type TeamEb = ExpressionBuilder<DB & { t: DB['teams'] }, 't'>;

const ADDRESS = sql<string>`l.street || ' ' || l.house_number || ', ' || substr(l.postcode, 1, 4) || ' ' || substr(l.postcode, 5) || ' ' || l.city`;

const CORE = ['t.id', 't.name', 't.team_type', 't.access', 't.public_phone', 't.walk_in_hours', 't.last_verified_at'] as const;
const TOPICS = sql<string[]>`coalesce((select array_agg(tt.topic_key order by tt.topic_key) from team_topics tt where tt.team_id = t.id), '{}')`.as('topics');
const AREAS = sql<string[]>`coalesce((select array_agg(ta.area_code order by ta.area_code) from team_areas ta where ta.team_id = t.id), '{}')`.as('areas');

function summaryColumns(eb: TeamEb) {
  return [
    ...CORE, TOPICS, AREAS,
    sql<{ id: string; name: string }>`json_build_object('id', o.id, 'name', o.name)`.as('organisation'),
    jsonArrayFrom(eb.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id')
      .whereRef('tl.team_id', '=', 't.id').where('l.archived_at', 'is', null)
      .select(['l.id', ADDRESS.as('address'), 'l.lat', 'l.lon']).orderBy('l.id')).as('locations'),
  ] as const;
}

export async function listTeams(db: Kysely<DB>, query: TeamListQuery, audience: Audience, now = new Date()) {
  let base = db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('team_types as ty', 'ty.key', 't.team_type')
    .where(teamVisibleTo(audience));
  if (query.type?.length) base = base.where('t.team_type', 'in', query.type);
  if (query.topic?.length) {
    const topics = query.topic;
    base = base.where((eb) => eb.exists(eb.selectFrom('team_topics as ft').select('ft.team_id')
      .whereRef('ft.team_id', '=', 't.id').where('ft.topic_key', 'in', topics)));
  }
  if (query.area) {
    const buurten = buurtCodesUnder(db, query.area);
    base = base.where((eb) => eb.exists(eb.selectFrom('team_areas as fa').select('fa.team_id')
      .whereRef('fa.team_id', '=', 't.id').where('fa.area_code', 'in', buurten)));
  }
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    base = base.where((eb) => eb.exists(eb.selectFrom('team_locations as bl').innerJoin('locations as bloc', 'bloc.id', 'bl.location_id')
      .select('bl.team_id').whereRef('bl.team_id', '=', 't.id')
      .where('bloc.lon', '>=', minLon).where('bloc.lon', '<=', maxLon)
      .where('bloc.lat', '>=', minLat).where('bloc.lat', '<=', maxLat)));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) => eb.or([eb('t.name', 'ilike', pattern), eb('o.name', 'ilike', pattern)]));
  }
  // The residents' filters (services/services.filters.ts): the matching teams, each with why.
  const matches = hasServiceFilters(query)
    ? await matchTeams(db, (await base.select('t.id').execute()).map((r) => r.id), query, now) : undefined;
  if (matches) base = base.where('t.id', 'in', [...matches.keys(), '00000000-0000-0000-0000-000000000000']);
  const [items, count] = await Promise.all([
    base.select(summaryColumns).select('t.created_at').orderBy('ty.sort_order').orderBy('t.name').orderBy('t.id')
      .limit(query.per_page).offset((query.page - 1) * query.per_page).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((t) => ({ ...withStaleness(t), ...(matches ? { matches: matches.get(t.id) ?? [] } : {}) })), total: Number(count.n), page: query.page, per_page: query.per_page };
}

export async function getTeam(db: Kysely<DB>, audience: Audience, id: string) {
  // The directory state first (domain/directory-changes.ts): the members and open requests below are read after it.
  const [team, state] = await Promise.all([db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where('t.id', '=', id).where(teamVisibleTo(audience))
    .select((eb) => ['t.created_at',
      ...CORE, TOPICS, AREAS,
      't.description', 't.target_groups', 't.funding', 't.public_email', 't.website', 't.version', 't.updated_at', 't.last_verified_by',
      sql<{ id: string; name: string; website: string | null }>`json_build_object('id', o.id, 'name', o.name, 'website', o.website)`.as('organisation'),
      jsonArrayFrom(eb.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id')
        .whereRef('tl.team_id', '=', 't.id').where('l.archived_at', 'is', null)
        .select(['l.id', 'l.name', ADDRESS.as('address'), 'l.street', 'l.house_number', 'l.postcode', 'l.city', 'l.lat', 'l.lon', 'l.buurt_code', 'l.opening_hours'])
        .orderBy('l.id')).as('locations'),
      jsonArrayFrom(eb.selectFrom('team_areas as ta').innerJoin('areas as a', 'a.code', 'ta.area_code')
        .whereRef('ta.team_id', '=', 't.id').select(['a.code', 'a.name', 'a.kind', 'ta.coverage']).orderBy('a.name')).as('service_areas'),
    ])
    .executeTakeFirst(), directoryState(db)]);
  if (!team) return undefined;
  // Everything after the team row at once: a signed-in answer waits no longer than a resident's.
  const [{ members, hidden }, service, locationService, requested] = await Promise.all([
    listMembers(db, audience, id, state), teamServiceData(db, id), locationServiceData(db, team.locations.map((l) => l.id)),
    audience.kind === 'anonymous' ? undefined : requestedFor(db, audience, id, state)]);
  const locations = team.locations.map((l) => { const s = locationService.get(l.id)!; return { ...l, ...s, phones: phonesFor(audience, s.phones) }; });
  const answer = { ...withStaleness(team), locations, ...service, phones: phonesFor(audience, service.phones), members, hidden_member_count: hidden };
  if (audience.kind === 'anonymous') return answer;
  return { ...answer, may: mayFlags(audience, { kind: 'team', id, archived: false, organisationId: team.organisation.id }), requested: requested ?? [] };
}

/** The team's open requests for people employed elsewhere, for callers who may act on them (the team's editors, the person's employer). */
async function requestedFor(db: Kysely<DB>, audience: Audience, teamId: string, state: string | undefined) {
  // Most teams have none: known per directory state from one read of a small partial index.
  if (!(await teamsWithOpenRequests(db, state)).has(teamId)) return [];
  const rows = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .where('m.team_id', '=', teamId).where('m.status', '=', 'requested').where('m.until', 'is', null).where('p.archived_at', 'is', null)
    .select(['m.id', 'm.role', 'm.since', 'p.id as person_id', sql<string>`p.given_name || ' ' || p.family_name`.as('name')])
    .orderBy('p.family_name').orderBy('m.id').execute();
  const owners = await ownersOf(db, 'membership', rows.map((r) => r.id));
  return rows.flatMap((r) => {
    const may = mayFlags(audience, owners.get(r.id)!);
    return Object.values(may).some(Boolean)
      ? [{ membership_id: r.id, role: r.role, since: r.since, person: { id: r.person_id, name: r.name }, may }] : [];
  });
}

const openRequests = new WeakMap<object, { state: string; teams: Promise<Set<string>> }>();

/** Teams with an open membership request, as of directory state `state` (every team when unknown). */
async function teamsWithOpenRequests(db: Kysely<DB>, state: string | undefined): Promise<{ has(id: string): boolean }> {
  if (state === undefined) return { has: () => true };
  let known = openRequests.get(db);
  if (known?.state !== state) {
    const teams = db.selectFrom('memberships').select('team_id').distinct().where('status', '=', 'requested').where('until', 'is', null)
      .execute().then((rows) => new Set(rows.map((r) => r.team_id)));
    known = { state, teams };
    openRequests.set(db, known);
    teams.catch(() => { if (openRequests.get(db) === known) openRequests.delete(db); });
  }
  return known.teams;
}

/** Adds the staleness fields (domain/staleness.ts) and drops the created_at they came from. */
function withStaleness<T extends { last_verified_at: string | null; created_at: unknown }>({ created_at, ...team }: T) {
  return { ...team, ...stalenessOf(team.last_verified_at, created_at as string) };
}
