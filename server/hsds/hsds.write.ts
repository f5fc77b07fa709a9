// Upserts by id for the import: read what is stored, merge in only the fields a record
// carries, and write only what changed (bumping version), so running it twice is a no-op.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';

export interface UpsertCounts { inserted: number; updated: number; unchanged: number }
type Table = 'organisations' | 'teams' | 'locations';
type Item = { id: string; fields: object; updatedAt?: string };

const CHUNK = 500;
// HSDS carries verification as a date (assured_date): the same day is no change.
const DAY_PRECISION = new Set(['last_verified_at']);
const day = (ts: string) => new Date(ts).toISOString().slice(0, 10);

function same(column: string, a: unknown, b: unknown): boolean {
  if (DAY_PRECISION.has(column) && typeof a === 'string' && typeof b === 'string') return day(a) === day(b);
  return (a ?? null) === (b ?? null);
}

export async function upsertRows(trx: Transaction<DB>, table: Table, items: Item[], defaults: Record<string, unknown>, progress: (m: string) => void): Promise<UpsertCounts> {
  // One function for three tables: the column lists come from the records, so Kysely's
  // per-table typing can't follow; the tables' own constraints still check every row.
  const db = trx as unknown as Kysely<any>;
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const stored = new Map<string, Record<string, unknown>>(
      (await db.selectFrom(table).selectAll().where('id', 'in', chunk.map((i) => i.id)).execute()).map((r) => [r.id as string, r]));
    const inserts: Record<string, unknown>[] = [];
    for (const item of chunk) {
      const old = stored.get(item.id);
      if (!old) {
        const when = item.updatedAt ?? new Date().toISOString();
        const given = Object.fromEntries(Object.entries(item.fields).filter(([, v]) => v !== undefined));
        inserts.push({ ...defaults, ...given, id: item.id, created_at: when, updated_at: when });
        continue;
      }
      const changed = Object.fromEntries(Object.entries(item.fields).filter(([k, v]) => v !== undefined && !same(k, old[k], v)));
      if (Object.keys(changed).length === 0) { counts.unchanged++; continue; }
      await db.updateTable(table).where('id', '=', item.id)
        .set({ ...changed, version: sql`version + 1`, updated_at: item.updatedAt ?? sql`now()` }).execute();
      counts.updated++;
    }
    if (inserts.length) await db.insertInto(table).values(inserts).execute();
    counts.inserted += inserts.length;
    progress(`${Math.min(start + CHUNK, items.length)}/${items.length}`);
  }
  if (items.length === 0) progress('0/0');
  return counts;
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
