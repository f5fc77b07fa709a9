// Rate limits slow a guesser down without locking the real user out (design in
// server/http/rate-limit.ts), and answer 429 with Retry-After.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { ACCOUNT_FAILURES, ACCOUNT_IP_FAILURES, LOGIN_IP_LIMIT, LOOKUP_LIMIT } from '../../server/http/rate-limit';
import { buildTestApp } from '../helpers/app';
import { createAccount } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';
let database: Database;
let app: FastifyInstance;
let now = new Date('2026-12-01T09:00:00Z');
const advance = (ms: number) => { now = new Date(now.getTime() + ms); };

const login = (email: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { beforeReady: (a) => { a.clock = () => now; } });
  await createAccount(database.db, { email: 'target@example.nl', password: PASSWORD, role: 'professional' });
  await createAccount(database.db, { email: 'other@example.nl', password: PASSWORD, role: 'professional' });
});
afterAll(async () => { await app?.close(); await database?.close(); });

describe(`rate limits on ${TEST_BACKEND}`, () => {
  it('slows one address down per minute, with Retry-After, and lets it in after the window', async () => {
    const ip = '10.1.0.1';
    const max = LOGIN_IP_LIMIT.max as number;
    for (let i = 0; i < max; i++) expect((await login(`nobody${i}@example.nl`, 'wrong-wrong', ip)).statusCode).toBe(401);
    const limited = await login('other@example.nl', PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['set-cookie']).toBeUndefined();
    // Another address is not affected.
    expect((await login('other@example.nl', PASSWORD, '10.1.0.2')).statusCode).toBe(200);
    advance(61_000);
    expect((await login('other@example.nl', PASSWORD, ip)).statusCode).toBe(200);
  });

  it('stops one address guessing one account, while the real user elsewhere still signs in', async () => {
    const attacker = '10.2.0.1';
    for (let i = 0; i < ACCOUNT_IP_FAILURES.max; i++) expect((await login('target@example.nl', `guess-${i}-guess`, attacker)).statusCode).toBe(401);
    // Even the right password from the attacking address waits now.
    const blocked = await login('target@example.nl', PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(ACCOUNT_IP_FAILURES.windowMs / 1000);
    expect((await login('target@example.nl', PASSWORD, '10.2.0.99')).statusCode).toBe(200);
    advance(ACCOUNT_IP_FAILURES.windowMs + 1000);
    expect((await login('target@example.nl', PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('under a distributed attack, addresses that failed wait, and a clean address still gets in', async () => {
    advance(ACCOUNT_FAILURES.windowMs + 1000);
    let ipN = 0;
    for (let i = 0; i < ACCOUNT_FAILURES.max; i++) {
      expect((await login('target@example.nl', `spray-${i}-spray`, `10.3.${Math.floor(ipN / 200)}.${ipN++ % 200}`)).statusCode).toBe(401);
    }
    // The bots' addresses are now refused for this account...
    expect((await login('target@example.nl', 'spray-again', '10.3.0.0')).statusCode).toBe(429);
    // ...the real user from an address without failures still signs in,
    expect((await login('target@example.nl', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    // ...but a real user who typed wrong once during the attack waits out the short window.
    expect((await login('target@example.nl', 'typo-typo-typo', '10.4.0.2')).statusCode).toBe(401);
    expect((await login('target@example.nl', PASSWORD, '10.4.0.2')).statusCode).toBe(429);
    advance(ACCOUNT_FAILURES.windowMs + 1000);
    expect((await login('target@example.nl', PASSWORD, '10.4.0.2')).statusCode).toBe(200);
    // Other accounts were never affected.
    expect((await login('other@example.nl', PASSWORD, '10.3.0.0')).statusCode).toBe(200);
  });

  it('limits address lookups (they reach the outside geocoder) per address, not coordinate lookups', async () => {
    const ip = '10.5.0.1';
    const max = LOOKUP_LIMIT.max as number;
    const url = `/api/lookup?address=${encodeURIComponent('Dorpsstraat 1, Lindeburg')}`;
    let last = 0;
    for (let i = 0; i <= max; i++) last = (await app.inject({ method: 'GET', url, remoteAddress: ip })).statusCode;
    expect(last).toBe(429);
    expect((await app.inject({ method: 'GET', url, remoteAddress: '10.5.0.2' })).statusCode).not.toBe(429);
    // Coordinates are answered from our own boundaries: not counted, not limited.
    for (let i = 0; i <= max; i++) last = (await app.inject({ method: 'GET', url: '/api/lookup?lat=52.1&lon=5.1', remoteAddress: ip })).statusCode;
    expect(last).not.toBe(429);
  });

  it('keeps counters in the database, hashed (no address or e-mail stored)', async () => {
    const rows = await database.db.selectFrom('rate_limits').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).not.toMatch(/10\.\d|@|example/);
    }
  });
});
