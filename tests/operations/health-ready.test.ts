// Liveness and readiness: a load balancer may send traffic to an instance only when its
// database is reachable AND has every migration this version brings.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/database';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from '../helpers/app';
import { createBlankDatabase, TEST_BACKEND } from '../helpers/db';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createBlankDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => { await app?.close(); await database?.close(); });

const migrations = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();

describe('/api/health/ready', () => {
  it('is 503 on a blank database, listing the migrations it lacks, while liveness is 200', async () => {
    const live = await getJson(app, '/api/health');
    expect(live.status).toBe(200);
    const ready = await getJson(app, '/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['cache-control']).toBe('no-store');
    expect(ready.body).toEqual({ status: 'migrating', database: TEST_BACKEND, pending_migrations: migrations });
  });

  it('is 200 once the database is migrated', async () => {
    await migrateToLatest(database.db);
    const ready = await getJson(app, '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: TEST_BACKEND });
  });

  it('is 503 again when a migration of this version is rolled back', async () => {
    const { createMigrator } = await import('../../server/db/migrate');
    await createMigrator(database.db).migrateDown();
    const ready = await getJson(app, '/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.pending_migrations).toEqual([migrations.at(-1)]);
    await migrateToLatest(database.db);
    expect((await getJson(app, '/api/health/ready')).status).toBe(200);
  });

  it('is 503 "unavailable" (not a 500) when the database is gone', async () => {
    const other = await createBlankDatabase();
    const lonely = await buildTestApp(other);
    await other.close();
    const res = await getJson(lonely, '/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
    expect((await getJson(lonely, '/api/health')).status).toBe(503);
    await lonely.close();
  });

  it('is listed in the OpenAPI document', async () => {
    const docs = await getJson(app, '/docs/json');
    expect(Object.keys(docs.body.paths)).toContain('/api/health/ready');
  });
});
