// Prometheus metrics: off by default; with METRICS=on, request count and latency per route
// pattern (never the raw URL) and the pool's use, each app with its own registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/db/database';
import { buildTestApp } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';

let database: Database;
let on: FastifyInstance;
let off: FastifyInstance;
let second: FastifyInstance;
beforeAll(async () => {
  database = await createSeededDatabase();
  on = await buildTestApp(database, { env: { METRICS: 'on' } });
  second = await buildTestApp(database, { env: { METRICS: 'on' } });
  off = await buildTestApp(database);
});
afterAll(async () => { await on?.close(); await second?.close(); await off?.close(); await database?.close(); });

const sample = (text: string, name: string, labels: Record<string, string>) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

describe('/metrics', () => {
  it('does not exist unless METRICS=on', async () => {
    expect((await off.inject('/metrics')).statusCode).toBe(404);
  });

  it('counts requests and their latency per route pattern, not per URL', async () => {
    const teams = (await on.inject('/api/teams?limit=1')).json().items;
    for (const team of teams) await on.inject(`/api/teams/${team.id}`);
    await on.inject('/api/teams/00000000-0000-4000-8000-000000000000');
    await on.inject('/api/nope/zoekterm-die-niet-in-een-label-mag');
    const res = await on.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = res.body;
    expect(sample(text, 'http_requests_total', { route: '/api/teams/:id', status_code: '200', method: 'GET' })).toBe(teams.length);
    expect(sample(text, 'http_requests_total', { route: '/api/teams/:id', status_code: '404' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: '/api/teams', status_code: '200' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/teams/:id', status_code: '200' })).toBe(teams.length);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*le="0.1"/);
    expect(text).not.toContain('00000000-0000');
    expect(text).not.toContain('zoekterm');
    expect(text).not.toContain('limit=1');
  });

  it('shows the pool use as gauges', async () => {
    const text = (await on.inject('/metrics')).body;
    const total = Number(text.match(/^db_pool_connections_total\{[^}]*\} (\d+)/m)?.[1]);
    expect(total).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^db_pool_connections_idle\{[^}]*\} \d+/m);
    expect(text).toMatch(/^db_pool_requests_waiting\{[^}]*\} 0/m);
    expect(text).toMatch(/^process_resident_memory_bytes/m);
  });

  it('keeps one registry per app', async () => {
    const text = (await second.inject('/metrics')).body;
    expect(sample(text, 'http_requests_total', { route: '/api/teams/:id' })).toBeUndefined();
  });

  it('is documented in OpenAPI when on', async () => {
    const docs = (await on.inject('/docs/json')).json();
    expect(Object.keys(docs.paths)).toContain('/metrics');
  });
});
