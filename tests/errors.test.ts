// Bad input gets a clear JSON error that names the field; unknown things are 404; a lost
// database is a 503; nothing ever shows a stack trace or SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { createTestApp, getJson, type TestApp } from './helpers/app';

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
  it('answers 503 and keeps running', async () => {
    const lost = await createTestApp({ seed: false });
    await lost.database.close(); // the pool is gone, as after a lost connection
    const health = await getJson(lost.app, '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');
    const teams = await getJson(lost.app, '/api/teams');
    expect(teams.status).toBe(503);
    expectCleanError(teams.body, teams.raw);
    expect(teams.body.error).toBe('database_unavailable');
    await lost.app.close();
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
