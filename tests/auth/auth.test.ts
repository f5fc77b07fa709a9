// Sign-in, sign-out, who am I, session fixation, revocation and timeouts, on the backend
// under test, through the real app and a real database.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { buildTestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, sessionCookieFrom, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';
let database: Database;
let app: FastifyInstance;
let now = new Date('2026-12-01T09:00:00Z');
const advance = (ms: number) => { now = new Date(now.getTime() + ms); };

const me = (cookie?: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { beforeReady: (a) => { a.clock = () => now; } });
  await createAccount(database.db, { email: 'Anna.Prof@Example.nl', password: PASSWORD, role: 'professional' });
});
afterAll(async () => { await app?.close(); await database?.close(); });

describe(`sign-in on ${TEST_BACKEND}`, () => {
  it('signs in, answers /me, and signs out', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna.prof@example.nl', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'Anna.Prof@Example.nl', role: 'professional', person_id: null, scopes: [] });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http in tests
    const cookie = sessionCookieFrom(res.headers['set-cookie'])!;

    const who = await me(cookie);
    expect(who.statusCode).toBe(200);
    expect(who.headers['cache-control']).toBe('private, no-store');
    expect(String(who.headers.vary)).toMatch(/Cookie/);

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('answers the same 401 for an unknown e-mail, a wrong password, an invited and a deactivated account', async () => {
    await createAccount(database.db, { email: 'invited@example.nl', password: null, role: 'professional' });
    const gone = await createAccount(database.db, { email: 'gone@example.nl', password: PASSWORD, role: 'professional' });
    await database.db.updateTable('accounts').set({ deactivated_at: now }).where('id', '=', gone).execute();
    const bodies: string[] = [];
    for (const [email, password] of [['nobody@example.nl', PASSWORD], ['anna.prof@example.nl', 'wrong-password-here'],
      ['invited@example.nl', PASSWORD], ['gone@example.nl', PASSWORD]]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: `10.9.0.${bodies.length + 1}` });
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      bodies.push(res.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).error).toBe('invalid_credentials');
  });

  it('takes about as long for an unknown e-mail as for a wrong password', async () => {
    const time = async (email: string, ip: string) => {
      const t = performance.now();
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'not-the-password' }, remoteAddress: ip });
      return performance.now() - t;
    };
    await time('nobody@example.nl', '10.8.0.1'); // warm the dummy hash
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time(`nobody${i}@example.nl`, `10.8.1.${i}`));
      wrong.push(await time('anna.prof@example.nl', `10.8.2.${i}`));
    }
    // The fastest of several, interleaved: robust against a busy machine. Both spend one argon2id
    // verification (tens of ms); without the dummy, an unknown address would take ~1-2 ms.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...wrong) * 0.4);
  });

  it('never reuses a cookie from before sign-in (session fixation)', async () => {
    const first = await signIn(app, 'anna.prof@example.nl', PASSWORD);
    // Whatever came in with the sign-in, valid or planted, is not the session that comes out.
    const planted = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    const res1 = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna.prof@example.nl', password: PASSWORD }, headers: { cookie: planted } });
    expect(sessionCookieFrom(res1.headers['set-cookie'])).not.toBe(planted);
    const res2 = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna.prof@example.nl', password: PASSWORD }, headers: { cookie: first } });
    const second = sessionCookieFrom(res2.headers['set-cookie'])!;
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401); // the old one was ended, not promoted
    expect((await me(second)).statusCode).toBe(200);
  });

  it('clears an invalid cookie and treats the request as anonymous', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/teams', headers: { cookie: `${SESSION_COOKIE}=${'B'.repeat(43)}` } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(res.headers['cache-control']).not.toBe('private, no-store');
  });

  it('ends a session after the idle limit and after the absolute limit, however active', async () => {
    const cookie = await signIn(app, 'anna.prof@example.nl', PASSWORD);
    advance(7 * 3600_000);
    expect((await me(cookie)).statusCode).toBe(200); // 7 h idle: still fine, and touched
    advance(7 * 3600_000);
    expect((await me(cookie)).statusCode).toBe(200); // 7 h after the touch
    advance(8 * 3600_000 + 1000);
    const idle = await me(cookie);
    expect(idle.statusCode).toBe(401);
    expect(String(idle.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));

    const active = await signIn(app, 'anna.prof@example.nl', PASSWORD);
    // Active every 7 hours (never idle) until just before 30 days, then once more past it.
    let elapsed = 0;
    while (elapsed + 7 * 3600_000 < 30 * 86400_000) {
      advance(7 * 3600_000); elapsed += 7 * 3600_000;
      expect((await me(active)).statusCode).toBe(200);
    }
    advance(7 * 3600_000);
    expect((await me(active)).statusCode).toBe(401);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const cookie = await signIn(app, 'anna.prof@example.nl', PASSWORD);
    const sessionId = (await me(cookie)).json().session.id;
    const seen = async () => (await database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).last_seen_at;
    const start = await seen();
    advance(30_000); await me(cookie);
    expect(await seen()).toBe(start);
    advance(31_000); await me(cookie);
    expect(await seen()).toBe(now.toISOString());
  });

  it('sets Secure on the cookie when the request came over TLS through a trusted proxy', async () => {
    const proxied = await buildTestApp(database, { env: { TRUST_PROXY: 'true' } });
    try {
      const res = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna.prof@example.nl', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.7.0.1' } });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally { await proxied.close(); }
  });

  it('signs the demo accounts in and gives each its audience', async () => {
    const admin = await signIn(app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    expect((await me(admin)).json()).toMatchObject({ role: 'admin', scopes: [] });
    const editor = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    const editorMe = (await me(editor)).json();
    expect(editorMe.role).toBe('editor');
    expect(editorMe.scopes).toHaveLength(1);
    expect(editorMe.scopes[0].organisation_id).toMatch(/^[0-9a-f-]{36}$/);
    const prof = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    const profMe = (await me(prof)).json();
    expect(profMe.person_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(profMe.team_ids.length).toBeGreaterThan(0);
  });
});
