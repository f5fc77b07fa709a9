// Writing HSDS records by id through the one bulk upsert (server/db/upsert.ts): a record
// sets only the fields it carries, an unchanged record is left alone (no version bump), so
// running an import twice is a no-op. Also: which CBS codes are known here.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { type UpsertColumn, upsertRows } from '../db/upsert';

export interface UpsertCounts { inserted: number; updated: number; unchanged: number }
type Table = 'organisations' | 'teams' | 'locations';
type Item = { id: string; fields: object; updatedAt?: string };

const text = (...names: string[]): UpsertColumn[] => names.map((name) => ({ name, type: 'text' }));
// HSDS carries verification as a date (assured_date): the same day is no change.
const COLUMNS: Record<Table, UpsertColumn[]> = {
  organisations: text('name', 'description', 'website', 'email', 'phone'),
  locations: [...text('name', 'street', 'house_number', 'postcode', 'city', 'opening_hours', 'buurt_code'),
    { name: 'lat', type: 'double precision' }, { name: 'lon', type: 'double precision' }],
  teams: [...text('name', 'description', 'website', 'public_email', 'public_phone', 'walk_in_hours', 'access', 'funding', 'team_type',
    'eligibility_description', 'fees_description'), { name: 'minimum_age', type: 'integer' }, { name: 'maximum_age', type: 'integer' },
    { name: 'interpretation_available', type: 'boolean' },
    { name: 'organisation_id', type: 'uuid' }, { name: 'last_verified_at', type: 'timestamptz', sameDay: true }],
};

export async function upsertRecords(trx: Transaction<DB>, table: Table, items: Item[], defaults: Record<string, unknown>, progress: (m: string) => void): Promise<UpsertCounts> {
  if (items.length === 0) progress('0/0');
  // A field a record leaves out (undefined) keeps the stored value; a new record takes `defaults`.
  const result = await upsertRows(trx, table, COLUMNS[table], items.map((i) => ({ ...i.fields, id: i.id, updated_at: i.updatedAt })),
    { defaults, progress: (done, total) => progress(`${done}/${total}`) });
  return { inserted: result.inserted.size, updated: result.updated.size, unchanged: result.unchanged };
}

/**
 * For each CBS code that exists: the buurten it stands for (a buurt itself, a wijk's or a
 * gemeente's buurten). With `expand` false, just the set of known codes.
 */
export async function areaCodesFor(trx: Transaction<DB>, codes: string[], expand: true): Promise<Map<string, string[]>>;
export async function areaCodesFor(trx: Transaction<DB>, codes: string[], expand?: false): Promise<Set<string>>;
export async function areaCodesFor(trx: Transaction<DB>, codes: string[], expand = false): Promise<Map<string, string[]> | Set<string>> {
  const unique = [...new Set(codes)];
  if (!expand) {
    if (!unique.length) return new Set();
    return new Set((await trx.selectFrom('areas').select('code').where('code', 'in', unique).execute()).map((r) => r.code));
  }
  const out = new Map<string, string[]>();
  if (!unique.length) return out;
  const rows = await trx.selectFrom('areas as b').leftJoin('areas as w', 'w.code', 'b.parent_code')
    .where('b.kind', '=', 'buurt')
    .where((eb) => eb.or([eb('b.code', 'in', unique), eb('b.parent_code', 'in', unique), eb('w.parent_code', 'in', unique)]))
    .select(['b.code', 'b.parent_code', 'w.parent_code as gemeente']).orderBy('b.code').execute();
  for (const r of rows) {
    for (const key of [r.code, r.parent_code, r.gemeente]) {
      if (key && unique.includes(key)) out.set(key, [...(out.get(key) ?? []), r.code]);
    }
  }
  return out;
}
