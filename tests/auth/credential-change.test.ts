// Finding 1 of issue 14: a password change (own, and through a reset link) and switching TOTP
// on end every other session of the account and every outstanding one-time link. Before, a
// reset link asked for before a password change still set a new password afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { totpCode } from '../helpers/totp';

const OLD = 'paard-fiets-wolk-lepel';
const NEW = 'zeilboot-tulpenveld-regenjas';
const THIEF = 'dit-kiest-de-dief-zelf-99';
let t: TestApp;
let smtp: TestSmtp;
let now = new Date('2026-12-06T10:00:00Z');

let n = 0;
const ip = () => `10.14.${Math.floor(++n / 250)}.${n % 250}`;
const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: ip(), headers: cookie ? { cookie } : {} });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

/** Asks for a reset link the way a person (or someone who reads their mail) does; returns its token. */
async function resetToken(email: string): Promise<string> {
  expect((await post('/api/auth/reset', { email })).statusCode).toBe(202);
  return new URL((await smtp.waitFor(email)).link!).searchParams.get('token')!;
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url, APP_URL: 'https://wijkweb.example.nl' }, beforeReady: (a) => { a.clock = () => now; } });
});
afterAll(async () => { await t?.close(); await smtp?.close(); });

describe('changing the own password', () => {
  it('retires a reset link asked for before the change, and ends the other sessions only', async () => {
    await createAccount(t.database.db, { email: 'karin@cred.test', role: 'editor', password: OLD });
    const here = await signIn(t.app, 'karin@cred.test', OLD);
    const elsewhere = await signIn(t.app, 'karin@cred.test', OLD);
    const token = await resetToken('karin@cred.test');

    const change = await post('/api/auth/password', { current_password: OLD, new_password: NEW }, here);
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json().other_sessions_revoked).toBe(1);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);

    const late = await post('/api/auth/reset/confirm', { token, password: THIEF });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toBe('invalid_token');
    await expect(signIn(t.app, 'karin@cred.test', THIEF)).rejects.toThrow(/401/);
    expect((await me(await signIn(t.app, 'karin@cred.test', NEW))).statusCode).toBe(200);
  });
});

describe('a reset through the mailed link', () => {
  it('also retires an invitation link still outstanding for the account', async () => {
    await createAccount(t.database.db, { email: 'beheer@cred.test', role: 'admin', password: OLD });
    await createAccount(t.database.db, { email: 'nieuw@cred.test', role: 'professional', password: null });
    const admin = await signIn(t.app, 'beheer@cred.test', OLD);
    expect((await post('/api/auth/invitations', { email: 'nieuw@cred.test', role: 'professional' }, admin)).statusCode).toBe(202);
    const invite = new URL((await smtp.waitFor('nieuw@cred.test')).link!).searchParams.get('token')!;
    const reset = await resetToken('nieuw@cred.test');

    expect((await post('/api/auth/reset/confirm', { token: reset, password: NEW })).statusCode).toBe(200);
    // The invitation would choose another password and sign in past the reset.
    const accept = await post('/api/auth/invitations/accept', { token: invite, password: THIEF });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().error).toBe('invalid_token');
    expect(accept.headers['set-cookie']).toBeUndefined();
    await expect(signIn(t.app, 'nieuw@cred.test', THIEF)).rejects.toThrow(/401/);
  });
});

describe('switching TOTP on', () => {
  it('ends the other sessions and retires an outstanding reset link; the switching session stays', async () => {
    await createAccount(t.database.db, { email: 'joost@cred.test', role: 'editor', password: OLD });
    const here = await signIn(t.app, 'joost@cred.test', OLD);
    const elsewhere = await signIn(t.app, 'joost@cred.test', OLD);
    const token = await resetToken('joost@cred.test');

    const secret = (await post('/api/auth/totp/setup', {}, here)).json().secret as string;
    const confirm = await post('/api/auth/totp/confirm', { code: totpCode(secret, now) }, here);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);

    // A reset would otherwise set a password without the code and, with it, a way around it.
    const late = await post('/api/auth/reset/confirm', { token, password: THIEF });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toBe('invalid_token');
  });
});
