// Set-based writes for the importer: thousands of rows per statement, passed as ONE jsonb
// parameter and unpacked with jsonb_to_recordset (same SQL on PostgreSQL 15 and PGlite).
// An update touches a row only when a value really differs (IS DISTINCT FROM), so a
// second run of the same file changes nothing: no version bump, no updated_at.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';

export type Table = 'organisations' | 'teams' | 'locations' | 'people';
export interface SqlColumn {
  name: string; type: 'text' | 'text[]' | 'boolean' | 'double precision' | 'uuid' | 'date';
  /** An empty cell (null) keeps the stored value instead of clearing it. */
  keepWhenNull?: boolean;
}

const CHUNK = 1000;
const ident = (name: string) => sql.ref(name);
const recordType = (cols: SqlColumn[]) => sql.raw(cols.map((c) => `"${c.name}" ${c.type}`).join(', '));

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Existing rows by import key: external_id first, else a Wijkweb id (an export's own key). */
export async function matchKeys(db: Kysely<DB>, table: Table, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const part of chunks(keys, 5000)) {
    const ids = part.filter((k) => uuid.test(k));
    const rows = await db.selectFrom(table).select(['id', 'external_id'])
      .where((eb) => eb.or([eb('external_id', 'in', part), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
      .execute() as Array<{ id: string; external_id: string | null }>;
    const wanted = new Set(part);
    for (const r of rows) if (r.external_id !== null && wanted.has(r.external_id)) found.set(r.external_id, r.id);
    for (const r of rows) if (wanted.has(r.id) && !found.has(r.id)) found.set(r.id, r.id);
  }
  return found;
}

/** Inserts new rows; returns key → new id. Each row holds `external_id` plus the columns. */
export async function insertRows(db: Kysely<DB>, table: Table, cols: SqlColumn[], rows: Array<Record<string, unknown>>) {
  const ids = new Map<string, string>();
  const all = [{ name: 'external_id', type: 'text' } as SqlColumn, ...cols];
  const names = sql.join(all.map((c) => ident(c.name)));
  for (const part of chunks(rows)) {
    const result = await sql<{ id: string; external_id: string }>`
      insert into ${sql.table(table)} (${names})
      select ${sql.join(all.map((c) => sql.ref(`v.${c.name}`)))}
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(${recordType(all)})
      returning id, external_id`.execute(db);
    for (const r of result.rows) ids.set(r.external_id, r.id);
  }
  return ids;
}

/** Updates existing rows (each with `id`) where a value differs; returns the ids changed. */
export async function updateRows(db: Kysely<DB>, table: Table, cols: SqlColumn[], rows: Array<Record<string, unknown>>) {
  const changed = new Set<string>();
  if (cols.length === 0) return changed;
  const all = [{ name: 'id', type: 'uuid' } as SqlColumn, ...cols];
  const target = (c: SqlColumn) => sql.ref(`t.${c.name}`);
  const source = (c: SqlColumn) => (c.keepWhenNull ? sql`coalesce(${sql.ref(`v.${c.name}`)}, ${sql.ref(`t.${c.name}`)})` : sql.ref(`v.${c.name}`));
  for (const part of chunks(rows)) {
    const result = await sql<{ id: string }>`
      update ${sql.table(table)} as t
      set ${sql.join(cols.map((c) => sql`${ident(c.name)} = ${source(c)}`))},
          version = t.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(${recordType(all)})
      where t.id = v.id and (${sql.join(cols.map(target))}) is distinct from (${sql.join(cols.map(source))})
      returning t.id`.execute(db);
    for (const r of result.rows) changed.add(r.id);
  }
  return changed;
}

/**
 * Makes a link table hold exactly `pairs` for the given owners (e.g. a team's topics):
 * removes the others, adds the missing. Returns the owners whose set changed.
 */
export async function syncLinks(
  db: Kysely<DB>, link: { table: string; owner: string; key: string; keyType: 'text' | 'uuid' },
  owners: string[], pairs: Array<{ o: string; k: string }>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  const byOwner = new Map<string, Array<{ o: string; k: string }>>();
  for (const p of pairs) byOwner.set(p.o, [...(byOwner.get(p.o) ?? []), p]);
  const t = sql.table(link.table);
  const owner = sql.ref(link.owner);
  const key = sql.ref(link.key);
  const kt = sql.raw(link.keyType);
  for (const part of chunks(owners)) {
    const partPairs = part.flatMap((o) => byOwner.get(o) ?? []);
    const json = JSON.stringify(partPairs);
    const removed = await sql<{ o: string }>`
      delete from ${t} where ${owner} = any(${part}::uuid[])
      and (${owner}, ${key}) not in (select v.o, v.k from jsonb_to_recordset(${json}::jsonb) as v(o uuid, k ${kt}))
      returning ${owner} as o`.execute(db);
    const added = await sql<{ o: string }>`
      insert into ${t} (${owner}, ${key})
      select v.o, v.k from jsonb_to_recordset(${json}::jsonb) as v(o uuid, k ${kt})
      on conflict do nothing returning ${owner} as o`.execute(db);
    for (const r of [...removed.rows, ...added.rows]) changed.add(r.o);
  }
  return changed;
}
