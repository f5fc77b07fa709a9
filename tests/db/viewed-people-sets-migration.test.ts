// The view-list migration keeps every recorded view of a 06 number: a row that listed its
// people in meta.person_ids names the kept list instead (the same id the app computes, so a
// later view of the same people joins it), a one-person row keeps its person, an erased
// person's blanked id is left out; going down puts the ids back. Runs on the backend under test.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { createMigrator } from '../../server/db/migrate';
import { peopleSetId } from '../../server/audit/view-log';
import { viewsOfMobile } from '../../server/audit/audit.queries';
import { createBlankDatabase } from '../helpers/db';

const SETS = '2026-12-08_10_viewed_people_sets';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
let database: Database;
beforeAll(async () => { database = await createBlankDatabase(); });
afterAll(async () => { await database?.close(); });

const views = async () => (await sql<{ entity_type: string; entity_id: string | null; meta: unknown }>`
  select entity_type, entity_id, meta from audit_log where action = 'view_mobile' order by id`.execute(database.db)).rows;

describe(`migration ${SETS}`, () => {
  it('turns listed ids into kept lists, and back', async () => {
    const migrator = createMigrator(database.db);
    const names = (await migrator.getMigrations()).map((m) => m.name);
    const before = names[names.indexOf(SETS) - 1]!;
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    const row = (entityId: string | null, ids: string[]) => sql`insert into audit_log (action, entity_type, entity_id, meta)
      values ('view_mobile', 'person', ${entityId}, ${JSON.stringify({ person_ids: ids, count: ids.length })}::jsonb)`.execute(database.db);
    await row(null, [C, A, B]);
    await row(null, [B, A, C]);
    await row(A, [A]);
    await row(null, [B, '[verwijderd]']);

    expect((await migrator.migrateTo(SETS)).error).toBeUndefined();
    const abc = peopleSetId([A, B, C]);
    expect(await views()).toEqual([
      { entity_type: 'person_set', entity_id: abc, meta: { count: 3 } },
      { entity_type: 'person_set', entity_id: abc, meta: { count: 3 } },
      { entity_type: 'person', entity_id: A, meta: { count: 1 } },
      { entity_type: 'person_set', entity_id: peopleSetId([B]), meta: { count: 2 } },
    ]);
    const { rows: sets } = await sql<{ id: string; person_ids: string[] }>`select id, person_ids from viewed_people_sets order by id`.execute(database.db);
    expect(sets).toHaveLength(2);
    expect(sets.find((s) => s.id === abc)?.person_ids).toEqual([A, B, C]);
    expect((await viewsOfMobile(database.db, A)).length).toBe(3);
    expect((await viewsOfMobile(database.db, B)).length).toBe(3);
    expect((await viewsOfMobile(database.db, C)).length).toBe(2);

    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    expect((await views()).map((v) => v.meta)).toEqual([
      { person_ids: [A, B, C], count: 3 }, { person_ids: [A, B, C], count: 3 }, { person_ids: [A], count: 1 }, { person_ids: [B], count: 1 },
    ]);
  });
});
