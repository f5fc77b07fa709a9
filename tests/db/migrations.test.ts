// Migrations go up, all the way down, and up again on the backend under test
// (CI runs this file once on PostgreSQL and once on PGlite).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { migrateDownAll, migrateToLatest } from '../../server/db/migrate';
import { createBlankDatabase, TEST_BACKEND } from '../helpers/db';

const TABLES = ['areas', 'organisations', 'teams', 'team_topics', 'locations', 'team_locations', 'team_areas',
  'people', 'person_topics', 'memberships', 'topics', 'team_types', 'topic_synonyms'];

async function tables(database: Database): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
  return rows.map((r) => r.table_name).filter((t) => !t.startsWith('kysely_'));
}

describe(`migrations on ${TEST_BACKEND}`, () => {
  let database: Database;
  beforeAll(async () => { database = await createBlankDatabase(); });
  afterAll(async () => { await database?.close(); });

  it('goes up, down and up again', async () => {
    const first = await migrateToLatest(database.db);
    expect(first.length).toBeGreaterThan(0);
    expect(await tables(database)).toEqual(expect.arrayContaining(TABLES));
    expect(database.backend).toBe(TEST_BACKEND);

    const down = await migrateDownAll(database.db);
    expect(down).toHaveLength(first.length);
    expect(await tables(database)).toEqual([]);

    const again = await migrateToLatest(database.db);
    expect(again).toEqual(first);
    expect(await migrateToLatest(database.db)).toEqual([]); // nothing left to do
  });

  it('has the extensions both backends share', async () => {
    const { rows } = await sql<{ extname: string }>`select extname from pg_extension`.execute(database.db);
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
  });

  it('refuses a public 06 number at the database level too', async () => {
    await sql`insert into people (given_name, family_name) values ('Test', 'Persoon')`.execute(database.db);
    await expect(sql`update people set phone_mobile_visibility = 'public'`.execute(database.db)).rejects.toThrow();
  });
});
