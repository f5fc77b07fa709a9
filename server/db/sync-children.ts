// Makes a parent's child rows (a team's topics, buurten, locations) equal to a wanted set
// by deleting only what goes and inserting only what comes. Unchanged lists touch no row,
// so the database's version triggers leave the parent's version (its ETag) alone.
import type { Kysely } from 'kysely';
import type { Db } from './sql';

type ChildTable = 'team_topics' | 'team_areas' | 'team_locations' | 'person_topics';

export interface ChildSync<R extends Record<string, unknown>> {
  table: ChildTable;
  /** The column naming the parent (team_id, person_id). */
  parent: string;
  /** The column naming the child (topic_key, area_code, location_id). */
  child: string;
  /** Parents whose lists are replaced: rows of theirs not in `rows` are deleted. */
  replaceFor: readonly string[];
  rows: readonly R[];
}

export async function syncChildren<R extends Record<string, unknown>>(trx: Db, sync: ChildSync<R>): Promise<{ added: number; removed: number }> {
  const db = trx as unknown as Kysely<any>;
  const parents = [...new Set([...sync.replaceFor, ...sync.rows.map((r) => r[sync.parent] as string)])];
  if (parents.length === 0) return { added: 0, removed: 0 };
  const key = (parent: unknown, child: unknown) => `${parent}\u0000${child}`;
  const stored = await db.selectFrom(sync.table).select([sync.parent, sync.child]).where(sync.parent, 'in', parents).execute();
  const have = new Set(stored.map((r: Record<string, unknown>) => key(r[sync.parent], r[sync.child])));
  const want = new Set(sync.rows.map((r) => key(r[sync.parent], r[sync.child])));
  const replacing = new Set(sync.replaceFor);
  const gone = stored.filter((r: Record<string, unknown>) => replacing.has(r[sync.parent] as string) && !want.has(key(r[sync.parent], r[sync.child])));
  for (const r of gone) {
    await db.deleteFrom(sync.table).where(sync.parent, '=', r[sync.parent]).where(sync.child, '=', r[sync.child]).execute();
  }
  const added = sync.rows.filter((r) => !have.has(key(r[sync.parent], r[sync.child])));
  for (let i = 0; i < added.length; i += 1000) await db.insertInto(sync.table).values(added.slice(i, i + 1000)).onConflict((oc: any) => oc.doNothing()).execute();
  return { added: added.length, removed: gone.length };
}
