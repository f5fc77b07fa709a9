// Bad input gets a clear JSON error that names the field; unknown things are 404; a lost
// database is a 503; nothing ever shows a stack trace or SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDatabase } from '../../server/db/database';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

function expectCleanError(body: any, raw: string) {
  expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  expect(raw).not.toMatch(/\bat .+\.(ts|js):\d+|select |insert |relation "|syntax error/i);
}

describe('400 names the field', () => {
  it.each([
    ['/api/teams?per_page=1000', 'per_page'],
    ['/api/teams?page=0', 'page'],
    ['/api/teams?page=abc', 'page'],
    ['/api/teams?type=Not-A-Key', 'type'],
    ['/api/teams?area=XX12', 'area'],
    ['/api/teams?bbox=1,2,3', 'bbox'],
    ['/api/teams?bbox=5,52,4,51', 'bbox'],
    [`/api/teams?q=${'a'.repeat(1000)}`, 'q'],
    ['/api/teams/not-a-uuid', 'id'],
    ['/api/people/123', 'id'],
    ['/api/areas/nope', 'code'],
    ['/api/areas?kind=provincie', 'kind'],
    ['/api/map/markers?bbox=a,b,c,d', 'bbox'],
  ])('%s', async (url, field) => {
    const { status, body, raw } = await getJson(t.app, url);
    expect(status).toBe(400);
    expectCleanError(body, raw);
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(body.message).toContain(field);
  });

  it('treats SQL-like and emoji input as text', async () => {
    for (const q of ["'; drop table teams; --", '%_\\', '🏠👪', 'a\u0000b']) {
      const { status, raw, body } = await getJson(t.app, `/api/teams?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(status);
      if (status === 200) expect(body.total).toBe(0);
      else expectCleanError(body, raw);
    }
    expect((await getJson(t.app, '/api/teams')).body.total).toBeGreaterThan(20);
  });
});

describe('404', () => {
  it.each(['/api/teams/00000000-0000-4000-8000-000000000000', '/api/people/00000000-0000-4000-8000-000000000000',
    '/api/organisations/00000000-0000-4000-8000-000000000000', '/api/areas/BU00000000', '/api/does-not-exist'])('%s', async (url) => {
    const { status, body, raw } = await getJson(t.app, url);
    expect(status).toBe(404);
    expectCleanError(body, raw);
  });
});

describe('a lost database', () => {
  // Only a server has connections to cut; on embedded PGlite the case does not arise.
  if (TEST_BACKEND === 'postgres') it('survives its connections being cut, and recovers', async () => {
    expect((await getJson(t.app, '/api/teams')).status).toBe(200);
    const { sql } = await import('kysely');
    // the server ends every other session of this database, as a restart or failover would
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await getJson(t.app, '/api/teams')).status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.at(-1)).toBe(200);
  });

  // A connection cut while a request holds it: the query fails, the process does not crash.
  if (TEST_BACKEND === 'postgres') it('fails only the query whose connection was cut', async () => {
    const { sql } = await import('kysely');
    await t.database.db.connection().execute(async (conn) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(t.database.db);
      // wait until the server process behind the checked-out connection is gone
      const alive = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where pid = ${rows[0]!.pid}`.execute(t.database.db)).rows[0]!.n;
      await expect.poll(alive).toBe(0);
      await expect(sql`select 1`.execute(conn)).rejects.toThrow();
    });
    expect((await getJson(t.app, '/api/health')).status).toBe(200);
  });

  it('answers 503 when the PostgreSQL server cannot be reached', async () => {
    const database = await createDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/nothing' });
    const app = await buildApp({ config: loadConfig({}), database, serveWeb: false });
    const res = await getJson(app, '/api/teams');
    expect(res.status).toBe(503);
    expectCleanError(res.body, res.raw);
    expect((await getJson(app, '/api/health')).status).toBe(503);
    await app.close();
    await database.close();
  });
});
