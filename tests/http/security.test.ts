// Response headers, cross-site writes, JSON-only bodies, no cookie for anonymous visitors,
// and /docs per environment.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { buildTestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';
let database: Database;
let app: FastifyInstance;
let adminCookie: string;
let profId: string;

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { env: { TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
  await createAccount(database.db, { email: 'admin@example.nl', password: PASSWORD, role: 'admin' });
  profId = await createAccount(database.db, { email: 'prof@example.nl', password: PASSWORD, role: 'professional' });
  adminCookie = await signIn(app, 'admin@example.nl', PASSWORD);
});
afterAll(async () => { await app?.close(); await database?.close(); });

describe(`security on ${TEST_BACKEND}`, () => {
  it('sends helmet headers on every response, API and errors alike', async () => {
    for (const url of ['/api/health', '/api/teams', '/api/nope', '/docs/json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http
    }
    const csp = String((await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/img-src 'self' data: https:\/\/tiles\.example\.org/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
  });

  it('gives /docs its own policy that lets swagger-ui render', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.body).toContain('swagger-ui');
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).json().paths).toHaveProperty('/api/auth/login');
  });

  it('never sets a cookie for anonymous visitors, on any route', async () => {
    const routes = (await app.inject({ method: 'GET', url: '/docs/json' })).json().paths as Record<string, Record<string, unknown>>;
    let checked = 0;
    for (const [path, methods] of Object.entries(routes)) {
      if (!('get' in methods) || path.includes('{')) continue;
      const res = await app.inject({ method: 'GET', url: path });
      expect(res.headers['set-cookie'], path).toBeUndefined();
      checked++;
    }
    for (const url of ['/', '/docs', '/api/nope', '/api/search?q=schuld']) {
      expect((await app.inject({ method: 'GET', url })).headers['set-cookie'], url).toBeUndefined();
    }
    const failed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.nl', password: 'nope-nope' } });
    expect(failed.headers['set-cookie']).toBeUndefined();
    expect(checked).toBeGreaterThan(5);
  });

  it('adds Vary: Cookie to API answers and no-store for signed-in ones', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/teams' });
    expect(String(anon.headers.vary)).toMatch(/Cookie/);
    expect(anon.headers['cache-control'] ?? '').not.toMatch(/private/);
    const signed = await app.inject({ method: 'GET', url: '/api/teams', headers: { cookie: adminCookie } });
    expect(signed.headers['cache-control']).toBe('private, no-store');
  });

  it('refuses a write with a session cookie from a foreign origin, and changes nothing', async () => {
    const before = await database.db.selectFrom('accounts').select(['role', 'version']).where('id', '=', profId).executeTakeFirstOrThrow();
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${profId}`, payload: { role: 'admin' }, headers: { cookie: adminCookie, ...headers } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden_origin');
    }
    const after = await database.db.selectFrom('accounts').select(['role', 'version']).where('id', '=', profId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // Logout from a foreign page is refused too (the session lives on).
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: adminCookie, origin: 'https://evil.example' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: adminCookie } })).statusCode).toBe(200);
  });

  it('accepts the same write from the own origin', async () => {
    const res = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${profId}`, payload: { role: 'professional' }, headers: { cookie: adminCookie, origin: 'http://localhost:80', host: 'localhost:80' } });
    expect(res.statusCode).toBe(200);
  });

  it('answers 415 to a write body that is not JSON, and changes nothing', async () => {
    for (const [type, body] of [['text/plain', '{"email":"admin@example.nl","password":"x"}'], ['application/x-www-form-urlencoded', 'email=a&password=b'], ['multipart/form-data; boundary=x', '--x--']]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, payload: body });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error).toBe('unsupported_media_type');
    }
    const patch = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${profId}`, headers: { cookie: adminCookie, 'content-type': 'text/plain' }, payload: '{"role":"admin"}' });
    expect(patch.statusCode).toBe(415);
    expect((await database.db.selectFrom('accounts').select('role').where('id', '=', profId).executeTakeFirstOrThrow()).role).toBe('professional');
  });

  it('turns /docs off in production unless API_DOCS=on', async () => {
    const prodEnv = { NODE_ENV: 'production', SEED_DEMO: 'never', SMTP_URL: 'smtp://127.0.0.1:9' };
    const prod = await buildTestApp(database, { env: prodEnv });
    const on = await buildTestApp(database, { env: { ...prodEnv, API_DOCS: 'on' } });
    try {
      expect((await prod.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
      expect((await prod.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(404);
      expect((await on.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
    } finally { await prod.close(); await on.close(); }
  });
});
