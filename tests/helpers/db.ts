// Each test file gets its own database, so files run in parallel without touching each
// other: with DATABASE_URL a throwaway database on that server, otherwise an in-memory
// PGlite. Copies of the templates built once by global-setup.ts make this fast.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database, PGLITE_EXTENSIONS } from '../../server/db/database';

export const TEST_DATABASE_URL = process.env.DATABASE_URL;
export const TEST_BACKEND = TEST_DATABASE_URL ? 'postgres' : 'pglite';

type Start = 'blank' | 'migrated' | 'seeded';

/** `thread`: on PGlite, run it on its worker thread as the server does (server/db/pglite-thread.ts).
 * Off by default: a test's queries run one after another, and on a busy machine each hop to
 * another thread waits for the scheduler (measured: the heavy files no faster, often slower). */
async function open(start: Start, { thread = false } = {}): Promise<Database> {
  if (!TEST_DATABASE_URL) {
    if (start === 'blank') return createDatabase({ dataDir: 'memory://' });
    const dump = await readFile(inject('dbTemplates')[start]);
    if (thread) return createDatabase({ dataDir: 'memory://', loadDataDir: dump });
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
    const database = await createDatabase({ pglite });
    return { ...database, close: async () => { await database.close(); await pglite.close(); } };
  }
  const name = `wijkweb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(start === 'blank' ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${inject('dbTemplates')[start]}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh, empty database on the backend under test (not migrated). */
export const createBlankDatabase = () => open('blank');
/** A fresh database on the backend under test, migrated to the latest schema. */
export const createTestDatabase = (options?: { thread?: boolean }) => open('migrated', options);
/** A fresh migrated database with the taxonomy and the demo wijk loaded. */
export const createSeededDatabase = (options?: { thread?: boolean }) => open('seeded', options);

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}
