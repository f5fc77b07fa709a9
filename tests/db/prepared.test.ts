// A registered fixed statement (server/db/prepared.ts) is prepared once per connection and
// reused after, on every backend: the same answers as sent without a name, and PostgreSQL
// lists it among the connection's prepared statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../../server/db/database';
import { prepared, preparedName } from '../../server/db/prepared';
import { createTestDatabase, TEST_BACKEND } from '../helpers/db';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });

const TEXT = prepared('select $1::int + 1 as next, $2::text as word');

describe(`prepared statements (${TEST_BACKEND})`, () => {
  it('answers as a plain statement would, every time, and is prepared on the connection under its name', async () => {
    const db = database.db;
    const name = preparedName(TEXT)!;
    expect(name).toMatch(/^wijkweb_prepared_\d+$/);
    expect(preparedName('select 1')).toBeUndefined();
    // one connection for all of it, so the statement list is that connection's
    await db.connection().execute(async (one) => {
      for (const n of [1, 41, 99]) {
        expect((await one.executeQuery(CompiledQuery.raw(TEXT, [n, `w${n}`]))).rows).toEqual([{ next: n + 1, word: `w${n}` }]);
      }
      const listed = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(one);
      expect(listed.rows.filter((r) => r.name === name).map((r) => r.statement)).toEqual([TEXT]);
    });
  });
});
