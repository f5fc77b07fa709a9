// Makes a parent's child rows (a team's topics, buurten, locations; a person's topics)
// equal to a wanted set by deleting only what goes and inserting only what comes, for one
// record (an edit) or thousands (an import; a statement per 1000 parents). Unchanged lists
// touch no row, so the database's version triggers leave the parent's version (its ETag) alone.
import { type Kysely, sql } from 'kysely';
import type { Db } from './sql';
import { chunks } from './upsert';

type ChildTable = 'team_topics' | 'team_areas' | 'team_locations' | 'person_topics';

interface ChildSync<R extends Record<string, unknown>> {
  table: ChildTable;
  /** The column naming the parent (team_id, person_id). */
  parent: string;
  /** The column naming the child (topic_key, area_code, location_id). */
  child: string;
  /** Parents whose lists are replaced: rows of theirs not in `rows` are deleted. */
  replaceFor: readonly string[];
  rows: readonly R[];
}

interface ChildSyncResult { added: number; removed: number; changedParents: Set<string> }

export async function syncChildren<R extends Record<string, unknown>>(trx: Db, sync: ChildSync<R>): Promise<ChildSyncResult> {
  const db = trx as unknown as Kysely<any>;
  const result: ChildSyncResult = { added: 0, removed: 0, changedParents: new Set() };
  const parentOf = (r: Record<string, unknown>) => r[sync.parent] as string;
  const key = (r: Record<string, unknown>) => `${r[sync.parent]}\u0000${r[sync.child]}`;
  const wantedBy = new Map<string, R[]>();
  for (const r of sync.rows) wantedBy.set(parentOf(r), [...(wantedBy.get(parentOf(r)) ?? []), r]);
  const replacing = new Set(sync.replaceFor);
  for (const parents of chunks([...new Set([...sync.replaceFor, ...wantedBy.keys()])])) {
    const stored: Array<Record<string, unknown>> = await db.selectFrom(sync.table).select([sync.parent, sync.child]).where(sync.parent, 'in', parents).execute();
    const wanted = parents.flatMap((p) => wantedBy.get(p) ?? []);
    const have = new Set(stored.map(key));
    const want = new Set(wanted.map(key));
    const gone = stored.filter((r) => replacing.has(parentOf(r)) && !want.has(key(r)));
    const added = [...new Map(wanted.filter((r) => !have.has(key(r))).map((r) => [key(r), r])).values()];
    if (gone.length) {
      await sql`delete from ${sql.table(sync.table)} where ${sql.ref(sync.parent)} = any(${[...new Set(gone.map(parentOf))]}::uuid[])
        and (${sql.ref(sync.parent)}::text, ${sql.ref(sync.child)}::text) in (select v.p, v.c from jsonb_to_recordset(${
          JSON.stringify(gone.map((r) => ({ p: r[sync.parent], c: r[sync.child] })))}::jsonb) as v(p text, c text))`.execute(db);
    }
    for (const part of chunks(added)) await db.insertInto(sync.table).values(part).onConflict((oc: any) => oc.doNothing()).execute();
    result.removed += gone.length;
    result.added += added.length;
    for (const r of [...gone, ...added]) result.changedParents.add(parentOf(r));
  }
  return result;
}
