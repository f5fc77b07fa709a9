// Overload: concurrent requests against a real listening server, sent from a separate
// process (tests/fixtures/overload-client.mjs) so the client's sockets are not served by
// the event loop under test. With 4 requests running at once the queue holds 64
// (QUEUE_PER_SLOT): a burst that fits is served, every request of it; a burst of 200 is
// shed beyond the queue with fast 503s + Retry-After; every request gets an answer (no
// reset, no 500), and /api/health answers within a second all along.
import { execFile } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { TEST_BACKEND } from '../helpers/db';
import { QUEUE_PER_SLOT } from '../../server/http/overload';

interface Result { status: number; ms: number; retryAfter?: string | null; error?: string }

let t: TestApp;
let base: string;
const loop = monitorEventLoopDelay({ resolution: 10 });
beforeAll(async () => {
  // PGlite as the server runs it (on its own thread); few requests at once, so the queue is short
  t = await createTestApp({ pgliteThread: true, env: { MAX_IN_FLIGHT: '4' } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => { await t?.close(); });

const HEAVY = ['/api/search?q=hulp%20bij%20geldzorgen', '/api/people?per_page=100', '/api/search?q=schulden%20jongeren', '/api/teams?per_page=100&q=zorg'];
const CLIENT = new URL('../fixtures/overload-client.mjs', import.meta.url).pathname;

// One retry: on this 2-core machine the scheduler now and then pauses the client process for a
// second or two (seen once in CI on PGlite: every answer, shed ones too, 2 s late while the
// server's own loop was never blocked over 99 ms). A real regression fails both attempts.
describe(`overload (${TEST_BACKEND})`, { timeout: 120_000, retry: 1 }, () => {
  it('sheds load with fast 503 + Retry-After while health answers within 1 s', async () => {
    // a warm server, as in steady state (a cold first query may itself trip the load shedding)
    for (const path of HEAVY) {
      for (let i = 0; i < 5 && (await fetch(`${base}${path}`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 300));
    }
    loop.enable();
    const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, base, '200', ...HEAVY], { timeout: 100_000 });
    const { results, health } = JSON.parse(stdout) as { results: Result[]; health: Result[] };
    const shed = results.filter((r) => r.status === 503);
    const served = results.filter((r) => r.status === 200);
    const ms = (list: Result[], q: number) => Math.round([...list.map((r) => r.ms)].sort((a, b) => a - b)[Math.floor((list.length - 1) * q)] ?? 0);
    const stats = {
      backend: TEST_BACKEND, served: served.length, shed: shed.length,
      other: results.filter((r) => r.status !== 200 && r.status !== 503).map((r) => r.error ?? r.status),
      shedMs: { p50: ms(shed, 0.5), max: ms(shed, 1) }, servedMs: { p50: ms(served, 0.5), max: ms(served, 1) },
      serverLoopBlockedMsMax: Math.round(loop.max / 1e6),
      health: { probes: health.length, statuses: [...new Set(health.map((h) => h.status))], p50: ms(health, 0.5), max: ms(health, 1) },
    };
    console.log('[overload]', JSON.stringify(stats));
    expect(stats.other).toEqual([]); // every request answered: no reset, no 500
    expect(served.length).toBeGreaterThanOrEqual(4 + 4 * QUEUE_PER_SLOT); // those running and those queued
    expect(shed.length).toBeGreaterThan(0);
    expect(stats.shedMs.p50).toBeLessThan(stats.servedMs.p50); // refused at once, not after waiting
    expect(shed.every((r) => r.retryAfter)).toBe(true);
    expect(health.length).toBeGreaterThan(0);
    expect(stats.health.max).toBeLessThan(1000);
    // after the storm, everything is served again
    expect((await fetch(`${base}/api/teams`)).status).toBe(200);
  });

  it('serves a burst that fits in the queue, every request of it, rather than refusing most', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, base, String(4 * QUEUE_PER_SLOT), '/api/topics', '/api/team-types'], { timeout: 100_000 });
    const { results } = JSON.parse(stdout) as { results: Result[] };
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  });
});
