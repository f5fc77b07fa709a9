// One code path, two backends: a PostgreSQL server through a `pg` Pool, or embedded
// PGlite handed to the same `pg` Pool: on its own worker thread (./pglite-thread.ts) when
// this module opens it, or through PGlite's node-postgres adapter when the caller brings an
// instance. Same dialect, same driver, same type parsing, so every query runs unchanged.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparedName } from './prepared';
import { openPgliteFolder, type OpenedFolder } from './pglite-folder';
import type { DB } from './types';

export type Backend = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  /** Connection counts of the pool (metrics read them; nothing else should). */
  pool?: PoolUse;
  /** PGlite only: a gzipped tarball of the data folder, taken between two queries (crash-consistent). */
  dumpDataDir?: () => Promise<Blob>;
  /** Connections in the pool: how many queries run at once (1 on PGlite). */
  capacity: number;
  /** Did any query succeed in the last `ms`? Lets health answer from traffic instead of queueing. */
  answeredWithin(ms: number): boolean;
  /** True once the embedded database is gone (closed under the app): every query then fails oddly. */
  gone(): boolean;
  /** Closes the pool (and PGlite, and its folder lock). Safe to call twice. */
  close(): Promise<void>;
}

// Time limits, chosen so that a request's database work ends by the time the handler gives
// up (handlerTimeout 20 s in server/app.ts): at most CONNECT_TIMEOUT_MS waiting for a pooled
// connection, then at most STATEMENT_TIMEOUT_MS for the query, which PostgreSQL itself
// cancels, so no query keeps running on the server for a request that was already answered.
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 15_000;

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint stays a string and is
// converted deliberately where a count is read.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// Timestamps become ISO-8601 strings once, here, so that every response carries the same format.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value: string) => new Date(value).toISOString());

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

interface PoolUse { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number }

type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number }
  // a folder, or 'memory://' for a throwaway database (optionally started from a dumped tarball)
  // `opened`: that folder already being opened (pglite-folder.ts), to be taken over
  | { dataDir: string; loadDataDir?: Uint8Array; connectTimeoutMs?: number; opened?: Promise<OpenedFolder> }
  | { pglite: PGlite; connectTimeoutMs?: number }; // an existing instance owned by the caller

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
      // A peer that vanished without a FIN (cable, NAT, VM pause) is noticed by TCP keepalive
      keepAlive: true,
      // PostgreSQL 15's JIT compiles any query it over-estimates, costing seconds per call
      // on search; these short OLTP queries never gain from it.
      options: '-c jit=off',
    });
    const guard = guardPool(pool);
    return wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres', pool, guard, () => false, async () => {});
  }
  if ('dataDir' in options) {
    const { thread, lock } = await (options.opened ?? openPgliteFolder(options.dataDir, options.loadDataDir));
    // PGlite is one connection: a request that holds it (a long transaction) makes every
    // other one wait, so that wait is bounded like a server's pool is (and answered 503).
    const pool = new pg.Pool({ ...thread.poolConfig(), connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS });
    const guard = guardPool(pool);
    const database = wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'pglite', pool, guard, thread.gone, async () => {
      await thread.close();
      await lock?.release();
    });
    return { ...database, dumpDataDir: thread.dump };
  }
  // An instance owned by the caller runs on this thread.
  const pglite = options.pglite;
  const pool = new pg.Pool(Object.assign(createPgConfig(pglite), { connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS }));
  const guard = guardPool(pool);
  yieldBetweenQueries(pool);
  const database = wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'pglite', pool, guard, () => pglite.closed, async () => {});
  return { ...database, dumpDataDir: () => pglite.dumpDataDir('gzip') as Promise<Blob> };
}

// A dropped connection must not crash the process: the pool reports errors of idle clients
// and pg emits them on a checked-out client too, where an 'error' event nobody listens to
// would be an uncaught exception. With listeners on both, the query in flight fails (503)
// and the pool replaces the connection. It also keeps the pulse: when a query last came
// back and when the database last failed to answer, which health reads under load.
function guardPool(pool: pg.Pool): Pulse {
  const pulse = { ok: 0, failed: 0 };
  // SQLSTATE classes that mean the database (not the query) is in trouble; pg's own
  // errors (pool timeout, connection ended) carry no SQLSTATE at all.
  const troubled = (error: { code?: unknown }) => typeof error?.code !== 'string' || /^(08|3D|53|55|57|58|XX)/.test(error.code);
  // The server ending this session (an administrator, a shutdown, a failover) answers the
  // query in flight with 57P01–57P03 before its socket closes, and pg still counts the client
  // as usable: ended here, the pool drops it on release instead of handing the dead
  // connection to the next request.
  const endsSession = (error: { code?: unknown }) => typeof error?.code === 'string' && /^57P0[1-3]$/.test(error.code);
  const track = (result: Promise<unknown>, client?: pg.PoolClient) => result.then(() => { pulse.ok = Date.now(); }, (error) => {
    if (troubled(error)) pulse.failed = Date.now();
    if (client && endsSession(error)) client.end().catch(() => {});
  });
  pool.on('error', () => { pulse.failed = Date.now(); });
  pool.on('connect', (client) => {
    client.on('error', () => {});
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      // a registered fixed statement goes out under its name (./prepared.ts)
      const name = preparedName(args[0]);
      const result = name && Array.isArray(args[1]) ? query({ name, text: args[0], values: args[1] }) : query(...args);
      if (result instanceof Promise) void track(result, client);
      return result;
    };
  });
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: () => Promise<pg.PoolClient> }).connect = () => {
    const result = connect();
    result.catch((error) => { if (troubled(error)) pulse.failed = Date.now(); });
    return result;
  };
  return pulse;
}

/** When a query last came back, and when the database last failed to answer (ms epoch). */
interface Pulse { ok: number; failed: number }

// PGlite runs each query synchronously on this thread, and pg-pool hands the one connection
// to the next waiter in the same microtask chain, so a queue of queries would starve all
// I/O (new requests, health checks, timers) until it is empty. One macrotask turn before
// each hand-out lets the event loop breathe between queries.
function yieldBetweenQueries(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    await new Promise((resolve) => setImmediate(resolve));
    return client;
  };
}

function wrap(db: Kysely<DB>, backend: Backend, pool: pg.Pool, pulse: Pulse, gone: () => boolean, after: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    backend,
    pool,
    capacity: pool.options.max,
    answeredWithin: (ms) => !gone() && pulse.ok > pulse.failed && Date.now() - pulse.ok <= ms,
    gone,
    close: () => (closing ??= db.destroy().then(after)),
  };
}
