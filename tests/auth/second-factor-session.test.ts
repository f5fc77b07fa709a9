// Finding 2 of issue 14: with REQUIRE_MFA=editors, a session that signed in with the password
// alone gained write rights as soon as TOTP was switched on from another session. Now each
// session records whether it proved a code (at sign-in, or by switching TOTP on), only such a
// session writes, and GET /api/auth/me says what the session still needs.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/sessions.queries';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { buildTestApp, createTestApp, type TestApp } from '../helpers/app';
import { createAccount, sessionCookieFrom, signIn } from '../helpers/auth';
import { totpCode } from '../helpers/totp';

const PW = 'paard-fiets-wolk-lepel';
let t: TestApp;
let strict: FastifyInstance;
let now = new Date('2026-12-06T10:00:00Z');
/** The next 30-second step: each code signs in once, as a person would wait for a fresh one. */
const nextStep = () => { now = new Date(now.getTime() + 30_000); };

let n = 0;
const ip = () => `10.15.${Math.floor(++n / 250)}.${n % 250}`;
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
  strict.inject({ method, url, remoteAddress: ip(), headers: { cookie }, ...(payload ? { payload } : {}) });
const me = async (cookie: string) => (await call('GET', '/api/auth/me', cookie)).json();
/** A write every editor may do: invite a professional (a fresh address each time). */
const write = (cookie: string) => call('POST', '/api/auth/invitations', cookie, { email: `collega${++n}@mfa.test`, role: 'professional' });

async function signInWithCode(email: string, secret: string): Promise<string> {
  nextStep();
  const res = await strict.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip(), payload: { email, password: PW, code: totpCode(secret, now) } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionCookieFrom(res.headers['set-cookie'])!;
}

async function switchTotpOn(cookie: string): Promise<string> {
  const secret = (await call('POST', '/api/auth/totp/setup', cookie)).json().secret as string;
  expect((await call('POST', '/api/auth/totp/confirm', cookie, { code: totpCode(secret, now) })).statusCode).toBe(200);
  return secret;
}

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  strict = await buildTestApp(t.database, { env: { REQUIRE_MFA: 'editors' }, beforeReady: (a) => { a.clock = () => now; } });
});
afterAll(async () => { await strict?.close(); await t?.close(); });

describe('REQUIRE_MFA=editors, per session', () => {
  it('a password-only session gains no write rights when TOTP is switched on from another session', async () => {
    await createAccount(t.database.db, { email: 'ilse@mfa.test', role: 'editor', password: PW });
    const passwordOnly = await signIn(strict, 'ilse@mfa.test', PW);
    const other = await signIn(strict, 'ilse@mfa.test', PW);
    expect((await write(passwordOnly)).statusCode).toBe(403);

    await switchTotpOn(other);
    // The password-only one gains nothing (it has been ended altogether)...
    expect((await write(passwordOnly)).statusCode).toBe(401);
    // ...the switching session proved a code: it writes, and /me says so.
    expect((await write(other)).statusCode).toBe(202);
    expect(await me(other)).toMatchObject({ mfa_required: false, mfa_step: null, session: { second_factor: true } });
  });

  it('GET /api/auth/me tells a password-only editor session to set TOTP up first', async () => {
    await createAccount(t.database.db, { email: 'noor@mfa.test', role: 'editor', password: PW });
    const cookie = await signIn(strict, 'noor@mfa.test', PW);
    expect(await me(cookie)).toMatchObject({ totp_enabled: false, mfa_required: true, mfa_step: 'set_up_totp', session: { second_factor: false } });
  });

  it('a session of a TOTP account that proved no code may read, not write, and is told to sign in with the code', async () => {
    const id = await createAccount(t.database.db, { email: 'ruud@mfa.test', role: 'admin', password: PW });
    const secret = await switchTotpOn(await signIn(strict, 'ruud@mfa.test', PW));
    // A session from before this rule (or any path that skipped the code): the real session
    // store, without the second-factor mark.
    const { token } = await createSession(t.database.db, id, { now });
    const old = `${SESSION_COOKIE}=${token}`;
    expect(await me(old)).toMatchObject({ totp_enabled: true, mfa_required: true, mfa_step: 'sign_in_with_code', session: { second_factor: false } });
    expect((await call('GET', '/api/teams', old)).statusCode).toBe(200);
    const refused = await write(old);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('mfa_required');

    const withCode = await signInWithCode('ruud@mfa.test', secret);
    expect(await me(withCode)).toMatchObject({ mfa_required: false, session: { second_factor: true } });
    expect((await write(withCode)).statusCode).toBe(202);
  });

  it('switching TOTP off leaves no session counted as second-factor verified', async () => {
    await createAccount(t.database.db, { email: 'sem@mfa.test', role: 'editor', password: PW });
    const secret = await switchTotpOn(await signIn(strict, 'sem@mfa.test', PW));
    const cookie = await signInWithCode('sem@mfa.test', secret);
    expect((await write(cookie)).statusCode).toBe(202);
    nextStep();
    expect((await call('DELETE', '/api/auth/totp', cookie, { code: totpCode(secret, now) })).statusCode).toBe(200);
    expect(await me(cookie)).toMatchObject({ totp_enabled: false, mfa_required: true, mfa_step: 'set_up_totp', session: { second_factor: false } });
    expect((await write(cookie)).statusCode).toBe(403);
  });
});
