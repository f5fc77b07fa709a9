// The search migration's down undoes its up exactly: the catalog (columns, indexes,
// functions) after up → down equals the catalog before, and up works again after down.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { createMigrator } from '../../server/db/migrate';
import { createBlankDatabase, TEST_BACKEND } from '../helpers/db';

const SEARCH = '2026-11-30_02_search';

async function catalog(database: Database): Promise<string[]> {
  const { rows } = await sql<{ item: string }>`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce(' = ' || generation_expression, '') AS item
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname LIKE 'wijkweb%'
    ORDER BY 1`.execute(database.db);
  return rows.map((r) => r.item).filter((item) => !item.includes('kysely_'));
}

describe(`search migration on ${TEST_BACKEND}`, () => {
  let database: Database;
  beforeAll(async () => { database = await createBlankDatabase(); });
  afterAll(async () => { await database?.close(); });

  it('adds search columns, indexes and functions, and down removes exactly those', async () => {
    const migrator = createMigrator(database.db);
    const before = await migrator.migrateTo('2026-11-30_01_directory');
    expect(before.error).toBeUndefined();
    const without = await catalog(database);

    expect((await migrator.migrateTo(SEARCH)).error).toBeUndefined();
    const withSearch = await catalog(database);
    const added = withSearch.filter((item) => !without.includes(item));
    for (const expected of ['column teams.search_vector tsvector', 'column people.search_vector tsvector', 'index CREATE INDEX teams_search_idx',
      'index CREATE INDEX teams_name_trgm_idx', 'column teams.name_norm text', 'column topic_synonyms.phrase_norm text', 'function wijkweb_unaccent(text)', 'function wijkweb_norm(text)']) {
      expect(added.some((item) => item.startsWith(expected)), expected).toBe(true);
    }
    expect(without.every((item) => withSearch.includes(item))).toBe(true);

    expect((await migrator.migrateTo('2026-11-30_01_directory')).error).toBeUndefined();
    expect(await catalog(database)).toEqual(without);
    expect((await migrator.migrateTo(SEARCH)).error).toBeUndefined();
    expect(await catalog(database)).toEqual(withSearch);
  });

  it('fills the generated columns: Dutch stems, no accents', async () => {
    await sql`INSERT INTO organisations (name, description) VALUES ('Café Ümit', 'Schuldhulpverlening en geldzorgen')`.execute(database.db);
    const { rows } = await sql<{ v: string; plain: boolean }>`SELECT search_vector::text AS v,
      search_vector @@ plainto_tsquery('dutch', 'cafe umit') AS plain FROM organisations`.execute(database.db);
    expect(rows[0]!.v).toMatch(/'caf':1A/); // "Café" unaccented, then stemmed
    expect(rows[0]!.v).toMatch(/'geldzorg':\d+B/);
    expect(rows[0]!.v).not.toMatch(/[éÜü]/);
    expect(rows[0]!.plain).toBe(true);
  });
});
