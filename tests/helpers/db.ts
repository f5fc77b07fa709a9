// Each test file gets its own database, so files run in parallel without touching each
// other: with DATABASE_URL a throwaway database on that server, otherwise an in-memory
// PGlite. Both are migrated to the latest schema and dropped again on close().
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';

export const TEST_DATABASE_URL = process.env.DATABASE_URL;
export const TEST_BACKEND = TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh, empty database on the backend under test (not migrated). */
export async function createBlankDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return createDatabase({ dataDir: 'memory://' });
  const name = `wijkweb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh database on the backend under test, migrated to the latest schema. */
export async function createTestDatabase(): Promise<Database> {
  const database = await createBlankDatabase();
  await migrateToLatest(database.db);
  return database;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}
