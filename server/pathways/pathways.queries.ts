// Reading pathways: free functions, db first, no HTTP. What of a pathway a caller reads depends
// on who they are: residents get the resident pathways in their own words and only the steps
// written for them; professional pathways are for signed-in accounts only.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { mayFlags } from '../domain/permissions';
import { stalenessOf } from '../domain/staleness';
import { teamVisibleTo } from '../domain/team-visibility';
import { type PathwayDetail, StoredStep } from './pathways.schemas';

type Db = Kysely<DB>;

const COLUMNS = ['id', 'key', 'audience', 'title', 'situation', 'resident_title', 'resident_situation', 'topics', 'steps', 'sort_order',
  'version', 'created_at', 'updated_at', 'last_verified_at'] as const;

export type PathwayRow = Awaited<ReturnType<typeof pathwayRows>>[number];

/** Pathways the audience may read: residents only those written (also) for them. */
function pathwayRows(db: Db, audience: Audience) {
  let q = db.selectFrom('pathways').select([...COLUMNS]).where('archived_at', 'is', null);
  if (audience.kind === 'anonymous') q = q.where('audience', 'in', ['residents', 'both']);
  return q.orderBy('sort_order').orderBy('key').execute();
}

export const forResidents = (audience: Audience) => audience.kind === 'anonymous';

/** The stored steps (validated: a row written by hand that does not parse shows no step). */
export function stepsOf(row: { steps: unknown }): StoredStep[] {
  const parsed = StoredStep.array().safeParse(row.steps);
  return parsed.success ? parsed.data : [];
}

/** The steps this audience reads, in its words (residents: B1 wording, no professional-only step). */
export function stepsFor(audience: Audience, row: { steps: unknown }): StoredStep[] {
  const residents = forResidents(audience);
  return stepsOf(row)
    .filter((s) => (residents ? s.audience !== 'professionals' : s.audience !== 'residents'))
    .map((s) => (residents && s.resident_action ? { ...s, action: s.resident_action } : s));
}

/** Title and situation in the reader's words. */
export function wordsFor(audience: Audience, row: Pick<PathwayRow, 'title' | 'situation' | 'resident_title' | 'resident_situation'>) {
  return forResidents(audience)
    ? { title: row.resident_title ?? row.title, situation: row.resident_situation ?? row.situation }
    : { title: row.title, situation: row.situation };
}

export const staleOf = (row: Pick<PathwayRow, 'last_verified_at' | 'created_at'>) => stalenessOf(row.last_verified_at, row.created_at);

export interface ListFilter { topic?: string; teamType?: string }

export async function listPathways(db: Db, audience: Audience, filter: ListFilter = {}) {
  let rows = await pathwayRows(db, audience);
  if (filter.topic) rows = rows.filter((r) => r.topics.includes(filter.topic!));
  if (filter.teamType) {
    rows = rows.filter((r) => stepsFor(audience, r).some((s) => s.target.kind === 'team_type' && s.target.team_type === filter.teamType));
  }
  return rows.map((r) => ({ key: r.key, ...wordsFor(audience, r), audience: r.audience, topics: r.topics, stale: staleOf(r).stale }));
}

/** The readable pathways as rows, for resolving them all at once (the address answer). */
export const readablePathways = pathwayRows;

/** One pathway row by key (archived ones too when asked), whatever the audience. */
export async function pathwayByKey(db: Db, key: string, options: { archived?: boolean } = {}) {
  let q = db.selectFrom('pathways').select([...COLUMNS, 'archived_at']).where('key', '=', key);
  if (!options.archived) q = q.where('archived_at', 'is', null);
  return q.executeTakeFirst();
}

/** The pathway as stored (steps as this audience reads them), with staleness and may flags. */
export function toDetail(audience: Audience, row: PathwayRow): PathwayDetail {
  const editors = audience.kind === 'admin';
  return {
    id: row.id, key: row.key, audience: row.audience,
    ...(editors ? { title: row.title, situation: row.situation } : wordsFor(audience, row)),
    resident_title: row.resident_title, resident_situation: row.resident_situation,
    topics: row.topics,
    // an editor sees every step as stored, to edit them; readers the steps written for them
    steps: editors ? stepsOf(row) : stepsFor(audience, row),
    sort_order: row.sort_order, version: row.version,
    created_at: row.created_at, updated_at: row.updated_at, last_verified_at: row.last_verified_at,
    ...staleOf(row),
    may: mayFlags(audience, { kind: 'pathway', id: row.id, archived: false, organisationId: null }),
  };
}

export async function getPathway(db: Db, audience: Audience, key: string): Promise<PathwayDetail | undefined> {
  const row = await pathwayByKey(db, key);
  return row && toDetail(audience, row);
}

/** The team type of a team (for "pathways in which this team is a step"). */
export async function teamTypeOf(db: Db, teamId: string): Promise<string | undefined> {
  const row = await db.selectFrom('teams').select('team_type').where('id', '=', teamId).where('archived_at', 'is', null).executeTakeFirst();
  return row?.team_type;
}

/** Teams of a type with the points they can be found at: their locations and the middles of the buurten they serve. */
export async function teamsOfTypeWithPoints(db: Db, audience: Audience, teamTypes: readonly string[]) {
  if (teamTypes.length === 0) return [];
  const rows = await db.selectFrom('teams as t')
    .where('t.team_type', 'in', [...teamTypes]).where(teamVisibleTo(audience))
    .select((eb) => [
      't.id', 't.name', 't.team_type',
      eb.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id')
        .whereRef('tl.team_id', '=', 't.id').where('l.archived_at', 'is', null)
        .select(sql<unknown>`coalesce(json_agg(json_build_array(l.lon, l.lat)), '[]'::json)`.as('p')).as('location_points'),
      eb.selectFrom('team_areas as ta').innerJoin('areas as a', 'a.code', 'ta.area_code')
        .whereRef('ta.team_id', '=', 't.id').where('a.min_lon', 'is not', null)
        .select(sql<unknown>`coalesce(json_agg(json_build_array((a.min_lon + a.max_lon) / 2, (a.min_lat + a.max_lat) / 2)), '[]'::json)`.as('p')).as('area_points'),
    ])
    .orderBy('t.name').execute();
  const points = (v: unknown): [number, number][] => (Array.isArray(v) ? v : typeof v === 'string' ? JSON.parse(v) : []) as [number, number][];
  return rows.map((r) => ({ id: r.id, name: r.name, team_type: r.team_type, points: [...points(r.location_points), ...points(r.area_points)] }));
}

/** Contact details of teams the resolution names beyond what the lookup answer holds. */
export async function teamReach(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { email: string | null; walk_in: string | null }>();
  const rows = await db.selectFrom('teams').select(['id', 'public_email', 'walk_in_hours']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { email: r.public_email, walk_in: r.walk_in_hours }]));
}
