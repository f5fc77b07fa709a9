// Reading a team's and a location's service data (schedules, phones, languages, costs, age,
// documents, accessibility). Everything here is public: it is what a resident asks before going.
import type { Kysely } from 'kysely';
import type { AccessibilityKind, DB } from '../db/types';
import type { Db } from '../db/sql';
import type { ScheduleRow } from './services.hours';

type AnyDb = Kysely<DB> | Db;
const k = (db: AnyDb) => db as unknown as Kysely<DB>;

const SCHEDULE = ['id', 'freq', 'byday', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'dtstart', 'until', 'closed', 'description', 'notes'] as const;

export interface Schedule extends ScheduleRow { id: string; description: string | null; notes: string | null }

/** HH:MM:SS (HSDS) is shown as HH:MM. */
const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);
const scheduleOut = (r: Omit<Schedule, never>) => ({
  id: r.id, freq: r.freq, byday: r.byday ? r.byday.split(',') : null, opens_at: hhmm(r.opens_at), closes_at: hhmm(r.closes_at),
  valid_from: r.valid_from, valid_to: r.valid_to, closed: r.closed, description: r.description, notes: r.notes,
});
export type ScheduleOut = ReturnType<typeof scheduleOut>;

function group<T, K extends string>(rows: T[], key: (r: T) => K | null): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) { const k = key(r); if (k) out.set(k, [...(out.get(k) ?? []), r]); }
  return out;
}

/** Raw schedule rows (for "Nu open") of these teams and of their active locations. */
export async function scheduleRowsFor(db: AnyDb, teamIds: readonly string[]) {
  if (!teamIds.length) return { team: new Map<string, Schedule[]>(), locations: new Map<string, Schedule[][]>() };
  const [teamRows, locRows] = await Promise.all([
    k(db).selectFrom('schedules').select([...SCHEDULE, 'team_id']).where('team_id', 'in', teamIds).orderBy('sort_order').execute(),
    k(db).selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id').innerJoin('schedules as s', 's.location_id', 'l.id')
      .where('tl.team_id', 'in', teamIds).where('l.archived_at', 'is', null)
      .select(['tl.team_id', 'l.id as location_id', ...SCHEDULE.map((c) => `s.${c}` as const)]).orderBy('s.sort_order').execute(),
  ]);
  const team = group(teamRows, (r) => r.team_id) as Map<string, Schedule[]>;
  const locations = new Map<string, Schedule[][]>();
  for (const [teamId, rows] of group(locRows, (r) => r.team_id)) locations.set(teamId, [...group(rows, (r) => r.location_id).values()] as Schedule[][]);
  return { team, locations };
}

/** A team's own service data, as the API shows it. */
export async function teamServiceData(db: AnyDb, teamId: string) {
  const [team, schedules, phones, languages, costs, documents] = await Promise.all([
    k(db).selectFrom('teams').select(['interpretation_available', 'minimum_age', 'maximum_age', 'eligibility_description', 'fees_description'])
      .where('id', '=', teamId).executeTakeFirst(),
    k(db).selectFrom('schedules').select(SCHEDULE).where('team_id', '=', teamId).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('phones').select(['id', 'number', 'type', 'description']).where('team_id', '=', teamId).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('languages').select(['id', 'code', 'name', 'note']).where('team_id', '=', teamId).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('cost_options').select(['id', 'kind', 'amount', 'amount_description', 'option']).where('team_id', '=', teamId).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('required_documents').select(['id', 'document', 'uri']).where('team_id', '=', teamId).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return {
    interpretation_available: team?.interpretation_available ?? false,
    minimum_age: team?.minimum_age ?? null,
    maximum_age: team?.maximum_age ?? null,
    eligibility_description: team?.eligibility_description ?? null,
    fees_description: team?.fees_description ?? null,
    schedules: schedules.map(scheduleOut),
    phones,
    languages,
    cost_options: costs.map((c) => ({ ...c, amount: c.amount === null ? null : Number(c.amount) })),
    required_documents: documents,
  };
}
export type TeamServiceData = Awaited<ReturnType<typeof teamServiceData>>;

/** Locations' service data by location id. */
export async function locationServiceData(db: AnyDb, locationIds: readonly string[]) {
  const ids = [...locationIds];
  if (!ids.length) return new Map<string, LocationServiceData>();
  const [schedules, phones, access] = await Promise.all([
    k(db).selectFrom('schedules').select([...SCHEDULE, 'location_id']).where('location_id', 'in', ids).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('phones').select(['id', 'number', 'type', 'description', 'location_id']).where('location_id', 'in', ids).orderBy('sort_order').orderBy('id').execute(),
    k(db).selectFrom('accessibility').select(['id', 'kind', 'description', 'details', 'url', 'location_id']).where('location_id', 'in', ids).orderBy('sort_order').orderBy('id').execute(),
  ]);
  const s = group(schedules, (r) => r.location_id);
  const p = group(phones, (r) => r.location_id);
  const a = group(access, (r) => r.location_id);
  return new Map(ids.map((id) => [id, {
    schedules: (s.get(id) ?? []).map(scheduleOut),
    phones: (p.get(id) ?? []).map(({ location_id: _, ...r }) => r),
    accessibility: (a.get(id) ?? []).map(({ location_id: _, ...r }) => r),
  }]));
}
export interface LocationServiceData {
  schedules: ScheduleOut[];
  phones: Array<{ id: string; number: string; type: string; description: string | null }>;
  accessibility: Array<{ id: string; kind: AccessibilityKind; description: string | null; details: string | null; url: string | null }>;
}
