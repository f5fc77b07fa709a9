// A record's history from the audit log: who changed what and when, field by field, as
// the before/after snapshots the writes left. No HTTP here; permission is the routes' job.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { isUuid } from '../http/schemas';

export type HistoryEntity = 'team' | 'person' | 'organisation' | 'location' | 'pathway';

interface FieldChange { field: string; before: unknown; after: unknown }
interface HistoryEntry { at: string; actor: string; action: string; changes: FieldChange[] }

// Bookkeeping that changes with every write: not news to a reader of the history.
const NOISE = new Set(['id', 'version', 'updated_at']);
const REDACTED = 'verborgen';
const LIMIT = 200;

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** Fields whose value differs between two snapshots (either may be absent: create, verify). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !NOISE.has(f)).sort();
  return fields.flatMap((field) => {
    const was = b[field] ?? null;
    const now = a[field] ?? null;
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [{ field, before: was, after: now }];
  });
}

/**
 * The entries of one record, newest first. `hidden` fields (ones this reader may not see)
 * keep their place in the history, their values replaced by "verborgen".
 */
export async function recordHistory(db: Kysely<DB>, entity: HistoryEntity, id: string, hidden: readonly string[] = []): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('audit_log as a').leftJoin('accounts as ac', 'ac.id', 'a.actor_account_id')
    .where('a.entity_type', '=', entity).where('a.entity_id', '=', id)
    // changes only: who looked at a 06 number is in the audit log, but is not the record's history
    .where('a.action', 'not like', 'view\\_%')
    .select(['a.at', 'a.action', 'a.before', 'a.after', 'ac.email'])
    .orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(LIMIT).execute();
  return rows.map((r) => ({
    at: new Date(r.at as unknown as string).toISOString(),
    actor: r.email ?? 'verwijderd',
    action: r.action,
    changes: diffSnapshots(r.before, r.after).map((c) => (hidden.includes(c.field)
      ? { field: c.field, before: c.before === null ? null : REDACTED, after: c.after === null ? null : REDACTED }
      : c)),
  }));
}

// Fields whose values are references: a reader wants "De Esch", not BU99010102.
const AREA_FIELDS = new Set(['areas', 'buurt_code', 'area_code']);
const ID_FIELDS = { location_ids: 'locations', location_id: 'locations', organisation_id: 'organisations', team_id: 'teams' } as const;

/**
 * The names behind the codes and ids in these entries (buurten, locations, organisations,
 * teams: all public), so the history can say them in words. Unknown ones are left out.
 */
export async function referenceNames(db: Kysely<DB>, entries: readonly HistoryEntry[]): Promise<Record<string, string>> {
  const codes = new Set<string>();
  const ids: Record<'locations' | 'organisations' | 'teams', Set<string>> = { locations: new Set(), organisations: new Set(), teams: new Set() };
  const values = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== REDACTED);
  for (const change of entries.flatMap((e) => e.changes)) {
    const both = [...values(change.before), ...values(change.after)];
    if (AREA_FIELDS.has(change.field)) both.forEach((c) => codes.add(c));
    const table = ID_FIELDS[change.field as keyof typeof ID_FIELDS];
    if (table) both.filter(isUuid).forEach((id) => ids[table].add(id));
  }
  const [areas, locations, organisations, teams] = await Promise.all([
    codes.size ? db.selectFrom('areas').select(['code as key', 'name']).where('code', 'in', [...codes]).execute() : [],
    ids.locations.size ? db.selectFrom('locations').select(['id as key', 'name', 'street', 'house_number']).where('id', 'in', [...ids.locations]).execute() : [],
    ids.organisations.size ? db.selectFrom('organisations').select(['id as key', 'name']).where('id', 'in', [...ids.organisations]).execute() : [],
    ids.teams.size ? db.selectFrom('teams').select(['id as key', 'name']).where('id', 'in', [...ids.teams]).execute() : [],
  ]);
  const located = locations.map((l) => ({ key: l.key, name: [l.name, `${l.street} ${l.house_number}`].filter(Boolean).join(', ') }));
  return Object.fromEntries([...areas, ...located, ...organisations, ...teams].map((r) => [r.key, r.name]));
}

