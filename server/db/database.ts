// One code path, two backends: a PostgreSQL server through a `pg` Pool, or embedded
// PGlite handed to the same `pg` Pool through PGlite's node-postgres adapter. Same
// dialect, same driver, same type parsing, so every query runs unchanged on both.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirLock, type DirLock } from './dir-lock';
import type { DB } from './types';

export type Backend = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  /** Connection counts of the pool (metrics read them; nothing else should). */
  pool?: PoolUse;
  /** PGlite only: a gzipped tarball of the data folder, taken between two queries (crash-consistent). */
  dumpDataDir?: () => Promise<Blob>;
  /** Closes the pool (and PGlite, and its folder lock). Safe to call twice. */
  close(): Promise<void>;
}

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint stays a string and is
// converted deliberately where a count is read.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// Timestamps become ISO-8601 strings once, here, so that every response carries the same format.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value: string) => new Date(value).toISOString());

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

export interface PoolUse { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number }

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string } // a folder, or 'memory://' for a throwaway database
  | { pglite: PGlite }; // an existing instance owned by the caller

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      // PostgreSQL 15's JIT compiles any query it over-estimates, costing seconds per call
      // on search; these short OLTP queries never gain from it.
      options: '-c jit=off',
    });
    guardPool(pool);
    return wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres', async () => {}, pool);
  }
  let lock: DirLock | undefined;
  let pglite: PGlite;
  let ownsPglite = true;
  if ('pglite' in options) {
    pglite = options.pglite;
    ownsPglite = false;
  } else {
    if (!options.dataDir.startsWith('memory://')) lock = await acquireDirLock(options.dataDir);
    try {
      pglite = await PGlite.create(options.dataDir, { extensions: PGLITE_EXTENSIONS });
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }
  const pool = new pg.Pool(createPgConfig(pglite));
  guardPool(pool);
  const database = wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'pglite', async () => {
    if (ownsPglite) await pglite.close();
    await lock?.release();
  }, pool);
  return { ...database, dumpDataDir: () => pglite.dumpDataDir('gzip') as Promise<Blob> };
}

// A dropped connection must not crash the process: the pool reports errors of idle clients
// and pg emits them on a checked-out client too, where an 'error' event nobody listens to
// would be an uncaught exception. With listeners on both, the query in flight fails (503)
// and the pool replaces the connection.
function guardPool(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => { client.on('error', () => {}); });
}

function wrap(db: Kysely<DB>, backend: Backend, after: () => Promise<void>, pool: PoolUse): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    backend,
    pool,
    close: () => (closing ??= db.destroy().then(after)),
  };
}
