// The one bulk upsert of the importers (CSV and HSDS): thousands of rows per statement,
// passed as ONE jsonb parameter and unpacked with jsonb_to_recordset (same SQL on
// PostgreSQL 15 and PGlite). A row with the id of a stored record updates it; any other
// row is inserted (keeping the id it brings, if any). An update touches a record only
// when a value really differs (IS DISTINCT FROM), so a second run of the same file
// changes nothing; `version` and updated_at are the database's (its version triggers).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from './types';

export type UpsertTable = 'organisations' | 'teams' | 'locations' | 'people';
export type SqlType = 'text' | 'text[]' | 'boolean' | 'double precision' | 'integer' | 'uuid' | 'date' | 'timestamptz';

export interface UpsertColumn {
  name: string; type: SqlType;
  /** An empty value (null) keeps the stored value instead of clearing it. */
  keepWhenNull?: boolean;
  /** Only the (UTC) day counts: a timestamp on the same day is no change. */
  sameDay?: boolean;
}

/**
 * A record to write: the columns it speaks about (a column it leaves out keeps the stored
 * value, or takes the table's default when inserted), `id` of the record when known,
 * `external_id` when inserted under a source's key, `updated_at` when the source says
 * when it last changed (else the time of the write).
 */
type UpsertRow = Record<string, unknown> & { id?: string; external_id?: string; updated_at?: string };

interface UpsertResult {
  /** Inserted records: their key (external_id, else id) → id. */
  inserted: Map<string, string>;
  /** Ids of stored records that changed. */
  updated: Set<string>;
  unchanged: number;
}

const CHUNK = 1000;
const OWN: Record<string, SqlType> = { id: 'uuid', external_id: 'text', updated_at: 'timestamptz' };

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface UpsertOptions {
  /** Values a new record takes for the columns its row leaves out. */
  defaults?: Record<string, unknown>;
  /** Called after each statement with the rows written so far. */
  progress?: (done: number, total: number) => void;
}

export async function upsertRows(
  db: Kysely<DB>, table: UpsertTable, columns: readonly UpsertColumn[], rows: readonly UpsertRow[], options: UpsertOptions = {},
): Promise<UpsertResult> {
  const progress = options.progress ?? (() => {});
  const stored = await storedIds(db, table, rows.flatMap((r) => (r.id ? [r.id] : [])));
  const result: UpsertResult = { inserted: new Map(), updated: new Set(), unchanged: 0 };
  const inserts = rows.filter((r) => !r.id || !stored.has(r.id));
  let done = 0;
  for (const [cols, group] of byShape(columns, options.defaults ? inserts.map((r) => ({ ...options.defaults, ...defined(r) })) : inserts)) {
    for (const part of chunks(group)) {
      for (const [key, id] of await insertChunk(db, table, cols, part)) result.inserted.set(key, id);
      progress(done += part.length, rows.length);
    }
  }
  for (const [cols, group] of byShape(columns, rows.filter((r) => r.id && stored.has(r.id)))) {
    for (const part of chunks(group)) {
      for (const id of await updateChunk(db, table, cols, part)) result.updated.add(id);
      progress(done += part.length, rows.length);
    }
  }
  result.unchanged = rows.length - result.inserted.size - result.updated.size;
  return result;
}

async function storedIds(db: Kysely<DB>, table: UpsertTable, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids, 5000)) {
    for (const r of await db.selectFrom(table).select('id').where('id', 'in', part).execute()) found.add(r.id);
  }
  return found;
}

const defined = (row: UpsertRow) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));

/** Rows grouped by the columns they carry, so each statement names exactly those. */
function byShape(columns: readonly UpsertColumn[], rows: readonly UpsertRow[]): Map<UpsertColumn[], UpsertRow[]> {
  const shapes = new Map<string, { cols: UpsertColumn[]; rows: UpsertRow[] }>();
  for (const row of rows) {
    const cols = columns.filter((c) => row[c.name] !== undefined);
    const key = cols.map((c) => c.name).join(',');
    const shape = shapes.get(key) ?? { cols, rows: [] };
    shape.rows.push(row);
    shapes.set(key, shape);
  }
  return new Map([...shapes.values()].map((s) => [s.cols, s.rows]));
}

const recordType = (cols: readonly UpsertColumn[]) => sql.raw(cols.map((c) => `"${c.name}" ${c.type}`).join(', '));
const own = (...names: string[]) => names.map((name) => ({ name, type: OWN[name]! }));
const unpack = (part: readonly UpsertRow[], cols: readonly UpsertColumn[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(${recordType(cols)})`;

async function insertChunk(db: Kysely<DB>, table: UpsertTable, cols: UpsertColumn[], part: UpsertRow[]): Promise<Array<[string, string]>> {
  const names = sql.join(cols.map((c) => sql.ref(c.name)));
  const values = sql.join(cols.map((c) => sql.ref(`v.${c.name}`)));
  const result = await sql<{ id: string; external_id: string | null }>`
    insert into ${sql.table(table)} (id, external_id, created_at, updated_at, ${names})
    select coalesce(v.id, gen_random_uuid()), v.external_id, coalesce(v.updated_at, now()), coalesce(v.updated_at, now()), ${values}
    from ${unpack(part, [...own('id', 'external_id', 'updated_at'), ...cols])}
    returning id, external_id`.execute(db);
  return result.rows.map((r) => [r.external_id ?? r.id, r.id]);
}

async function updateChunk(db: Kysely<DB>, table: UpsertTable, cols: UpsertColumn[], part: UpsertRow[]): Promise<string[]> {
  if (cols.length === 0) return [];
  const stored = (c: UpsertColumn) => sql.ref(`t.${c.name}`);
  const wanted = (c: UpsertColumn): RawBuilder<unknown> => {
    const given = sql.ref(`v.${c.name}`);
    if (c.keepWhenNull) return sql`coalesce(${given}, ${stored(c)})`;
    if (c.sameDay) return sql`case when (${given} at time zone 'UTC')::date is not distinct from (${stored(c)} at time zone 'UTC')::date then ${stored(c)} else ${given} end`;
    return sql`${given}`;
  };
  // updated_at unchanged (no time from the source) lets the version trigger stamp now().
  const result = await sql<{ id: string }>`
    update ${sql.table(table)} as t
    set ${sql.join(cols.map((c) => sql`${sql.ref(c.name)} = ${wanted(c)}`))}, updated_at = coalesce(v.updated_at, t.updated_at)
    from ${unpack(part, [...own('id', 'updated_at'), ...cols])}
    where t.id = v.id and (${sql.join(cols.map(stored))}) is distinct from (${sql.join(cols.map(wanted))})
    returning t.id`.execute(db);
  return result.rows.map((r) => r.id);
}
