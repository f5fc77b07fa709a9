// Faults are answered, never a 500 or a reset: a pool with no free connection, a database
// dropped under the app, a query stuck behind a lock (cancelled on the server when the
// request gives up). Nothing may be logged as "Reply was already sent".
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database, PGLITE_EXTENSIONS } from '../../server/db/database';
import { buildTestApp, getJson } from '../helpers/app';
import { TEST_BACKEND, TEST_DATABASE_URL } from '../helpers/db';

const logs: string[] = [];
const logger = { level: 'info', stream: new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } }) };
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  expect(logs.join('')).not.toMatch(/already sent/i);
});

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

/** A seeded database of our own on the backend under test, with the pool limits given. */
async function ownDatabase(limits: { poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number } = {}) {
  if (TEST_BACKEND === 'pglite') {
    const dump = await readFile(inject('dbTemplates').seeded);
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
    const database = await createDatabase({ pglite, connectTimeoutMs: limits.connectTimeoutMs });
    cleanups.push(async () => { await database.close(); await pglite.close().catch(() => {}); });
    return { database, name: '', pglite };
  }
  const name = `wijkweb_faults_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${inject('dbTemplates').seeded}`);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: limits.poolSize ?? 4, ...limits });
  cleanups.push(async () => { await database.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });
  return { database, name, pglite: undefined };
}

async function appOn(database: Database, beforeReady?: (app: FastifyInstance) => void | Promise<void>) {
  const app = await buildTestApp(database, { logger, beforeReady });
  cleanups.push(() => app.close());
  return app;
}

function expect503(res: { status: number; body: any; headers: Record<string, unknown> }, url: string) {
  expect(res.status, url).toBe(503);
  // health has its own documented body; every other route the error contract
  if (url.startsWith('/api/health')) expect(res.body).toMatchObject({ status: 'unavailable' });
  else expect(res.body, url).toMatchObject({ error: 'database_unavailable', message: expect.any(String), details: [] });
}

// Plausible values for every parameter a GET route needs, so each reaches its query: by
// parameter name (a new route is covered the day it exists), plus query strings some need.
const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000001', person_id: '00000000-0000-4000-8000-000000000001',
  code: 'BU99990101', hash: 'a'.repeat(64), kind: 'teams', name: 'x', field: 'photo', key: 'jeugdige',
};
const fill = (path: string) => PLAUSIBLE[path] ?? path.replace(/\{(\w+)\}/g, (m, name: string) => PARAMS[name] ?? m);
const PLAUSIBLE: Record<string, string> = {
  '/api/lookup': '/api/lookup?lat=52.15&lon=5.38',
  '/api/lookup/vcard': '/api/lookup/vcard?lat=52.15&lon=5.38',
  '/api/search': '/api/search?q=schuldhulp',
  '/api/insight/coverage': '/api/insight/coverage?area=GM9901',
  '/api/pathways/at': '/api/pathways/at?area=BU99010101',
  '/api/map/markers': '/api/map/markers?bbox=5.3,52.1,5.5,52.2',
  '/api/map/boundaries': '/api/map/boundaries?bbox=5.3,52.1,5.5,52.2',
};
// Routes that never touch the database answer as usual.
const DATABASE_FREE = new Set(['/api/config', '/demo-photos/{name}.svg', '/hsds', '/hsds/', '/hsds/profile', '/hsds/taxonomies', '/hsds/taxonomies/{id}']);

describe('a pool with no free connection', () => {
  it('answers 503 when no connection comes in time, and recovers when one is free', async () => {
    const { database } = await ownDatabase({ poolSize: 1, connectTimeoutMs: 300 });
    const app = await appOn(database);
    expect((await getJson(app, '/api/teams')).status).toBe(200);
    await database.db.connection().execute(async () => { // holds the only connection
      const started = Date.now();
      expect503(await getJson(app, '/api/teams'), '/api/teams');
      expect((await getJson(app, '/api/teams')).headers['retry-after']).toBeDefined();
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await getJson(app, '/api/health')).status).toBe(503);
    });
    expect((await getJson(app, '/api/teams')).status).toBe(200);
  });
});

describe('a database that is no longer there', () => {
  it('answers 503 on every GET route of the OpenAPI document', async () => {
    const { database, name, pglite } = await ownDatabase();
    const app = await appOn(database);
    const paths = Object.entries<any>((await getJson(app, '/docs/json')).body.paths)
      .filter(([, ops]) => ops.get).map(([path]) => path);
    expect(paths.length).toBeGreaterThan(10);
    // Routes that refuse a resident before any query keep doing so (401 needs no database).
    const signInFirst = new Set<string>();
    for (const path of paths) if ((await getJson(app, fill(path))).status === 401) signInFirst.add(path);
    // the database goes away under the running app
    if (pglite) await pglite.close();
    else await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    for (const path of [...new Set(['/api/health', ...paths])]) {
      if (DATABASE_FREE.has(path)) continue;
      const url = fill(path);
      expect(url, `no plausible URL for ${path}`).not.toMatch(/\{/);
      const res = await getJson(app, url);
      if (signInFirst.has(path)) expect(res.status, url).toBe(401);
      else expect503(res, url);
    }
    expect((await getJson(app, '/api/config')).status).toBe(200);
  });
});

describe('a handler that outlives its timeout', () => {
  it('is answered 503 once, and its late result is dropped without a second reply', async () => {
    const { database } = await ownDatabase();
    // Each handler waits until the test has seen its 503, then finishes late (no fixed delays).
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const finished: Promise<void>[] = [];
    const app = await appOn(database, (a) => {
      const late = (fail: boolean) => async () => {
        let done!: () => void;
        finished.push(new Promise<void>((r) => { done = r; }));
        try {
          await released;
          if (fail) throw new Error('late failure');
          return { late: true };
        } finally { setImmediate(done); }
      };
      a.get('/api/test-late', { handlerTimeout: 150 }, late(false));
      a.get('/api/test-late-error', { handlerTimeout: 150 }, late(true));
    });
    for (const url of ['/api/test-late', '/api/test-late-error']) {
      const res = await getJson(app, url);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: 'timeout', message: expect.any(String), details: [] });
      expect(res.headers['retry-after']).toBeDefined();
    }
    release();
    await Promise.all(finished); // the late results have arrived and been handled
    await expect.poll(() => logs.join('')).toMatch(/handler timed out/);
    expect(logs.join('')).not.toMatch(/already sent/i);
  });
});

// Only a server runs queries on other connections: PGlite is one connection in-process.
if (TEST_BACKEND === 'postgres') describe('a query stuck on the server', () => {
  it('is cancelled on the server when the request gives up, and answered 503', async () => {
    const { database, name } = await ownDatabase({ statementTimeoutMs: 800 });
    const app = await appOn(database);
    const locker = new pg.Client({ connectionString: TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`) });
    await locker.connect();
    cleanups.push(() => locker.end());
    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await locker.query('begin');
    await locker.query('lock table teams in access exclusive mode'); // every read of teams now waits
    const started = Date.now();
    const res = await getJson(app, '/api/teams');
    expect503(res, '/api/teams');
    expect(Date.now() - started).toBeLessThan(5000);
    // the app's queries are gone from the server while the lock is still held, not left
    // waiting behind it (a sibling query of the same request may need its own timeout too)
    // (each statement ends within its 800 ms limit; the window is wide for a busy machine, and
    // a query really left behind the lock would stay until the rollback below)
    // Asked from a connection of its own: inside the locker's transaction PostgreSQL would
    // answer every poll from the snapshot of activity it took on the first one, so a sibling
    // query still inside its 800 ms then would seem to wait forever.
    const watcher = new pg.Client({ connectionString: TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`) });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    const waiting = async () => (await watcher.query<{ query: string }>(
      `select query from pg_stat_activity where datname = current_database() and pid not in (pg_backend_pid(), $1) and state <> 'idle'`,
      [lockerPid])).rows.map((r) => r.query);
    await expect.poll(waiting, { timeout: 8000 }).toEqual([]);
    await locker.query('rollback');
    expect((await getJson(app, '/api/teams')).status).toBe(200);
  });

  it('cancels a slow statement behind a hook the same way', async () => {
    const { database } = await ownDatabase({ statementTimeoutMs: 500 });
    const app = await appOn(database, (a) => {
      a.addHook('preHandler', async (request) => {
        if (request.url === '/api/teams?stall') await sql`select pg_sleep(30)`.execute(database.db);
      });
    });
    const res = await getJson(app, '/api/teams?stall');
    expect503(res, '/api/teams?stall');
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
      where datname = current_database() and query like '%pg_sleep%' and pid <> pg_backend_pid()`.execute(database.db);
    expect(rows[0]!.n).toBe('0');
  });
});
