// The second factor: setup (secret shown once), confirm, sign-in with and without a code,
// removal, and REQUIRE_MFA=editors. Codes are made with otpauth as an authenticator app would.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSecondFactor } from '../../server/auth/totp.verify';
import { buildTestApp, createTestApp, type TestApp } from '../helpers/app';
import { createAccount, sessionCookieFrom } from '../helpers/auth';

const PW = 'paard-fiets-wolk-lepel';
let t: TestApp;
const logLines: string[] = [];

let n = 0;
const ip = () => `10.3.${Math.floor(++n / 250)}.${n % 250}`;
const call = (app: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  app.inject({ method, url, remoteAddress: ip(), headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const login = (app: FastifyInstance, email: string, code?: string) =>
  call(app, 'POST', '/api/auth/login', undefined, { email, password: PW, ...(code ? { code } : {}) });
async function cookieOf(app: FastifyInstance, email: string, code?: string): Promise<string> {
  const res = await login(app, email, code);
  expect(res.statusCode, res.body).toBe(200);
  return sessionCookieFrom(res.headers['set-cookie'])!;
}
const codeFor = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
// Sign-in accepts each code once; like a person waiting for the next code, take a step
// not used yet: the current one, else the next (still valid after a step boundary).
const usedSteps = new Set<string>();
function freshCode(secret: string): string {
  const step = Math.floor(Date.now() / 30_000);
  const pick = [step, step + 1].find((s) => !usedSteps.has(`${secret}:${s}`));
  if (pick === undefined) throw new Error('test used more than two sign-in codes within 30 s');
  usedSteps.add(`${secret}:${pick}`);
  return codeFor(secret, pick * 30_000 + 1000);
}
/** A wrong code: the code of another step, never the current one or its neighbours. */
const wrongCode = (secret: string) => codeFor(secret, Date.now() + 10 * 60_000);

beforeAll(async () => {
  const stream = new Writable({ write(chunk, _e, done) { logLines.push(String(chunk)); done(); } });
  t = await createTestApp({ seed: false, logger: { level: 'trace', stream } });
  await createAccount(t.database.db, { email: 'eva@totp.test', role: 'editor', password: PW });
  await createAccount(t.database.db, { email: 'piet@totp.test', role: 'professional', password: PW });
  await createAccount(t.database.db, { email: 'mfa-editor@totp.test', role: 'editor', password: PW });
  await createAccount(t.database.db, { email: 'mfa-prof@totp.test', role: 'professional', password: PW });
});
afterAll(async () => { await t?.close(); });

describe('TOTP for an editor', () => {
  let secret = '';

  it('setup gives a secret and otpauth URI that are not active until confirmed', async () => {
    const cookie = await cookieOf(t.app, 'eva@totp.test');
    const setup = await call(t.app, 'POST', '/api/auth/totp/setup', cookie);
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.json().uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Wijkweb');
    expect(decodeURIComponent(uri.pathname)).toContain('eva@totp.test');

    expect((await call(t.app, 'GET', '/api/auth/me', cookie)).json().totp_enabled).toBe(false);
    await cookieOf(t.app, 'eva@totp.test'); // still no code asked

    const wrong = await call(t.app, 'POST', '/api/auth/totp/confirm', cookie, { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].field).toBe('code');
    const ok = await call(t.app, 'POST', '/api/auth/totp/confirm', cookie, { code: codeFor(secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ totp_enabled: true });
    const me = await call(t.app, 'GET', '/api/auth/me', cookie);
    expect(me.json().totp_enabled).toBe(true);
    expect(me.body).not.toContain(secret);

    const again = await call(t.app, 'POST', '/api/auth/totp/setup', cookie);
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(secret);
  });

  it('sign-in then needs the current code (and says only invalid_credentials without it)', async () => {
    const none = await login(t.app, 'eva@totp.test');
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('invalid_credentials');
    expect(sessionCookieFrom(none.headers['set-cookie'])).toBeUndefined();
    const wrong = await login(t.app, 'eva@totp.test', wrongCode(secret));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_credentials');
    expect(sessionCookieFrom(wrong.headers['set-cookie'])).toBeUndefined();
    const code = freshCode(secret);
    const cookie = await cookieOf(t.app, 'eva@totp.test', code);
    expect((await call(t.app, 'GET', '/api/auth/me', cookie)).json().session.second_factor).toBe(true);
    // The same code does not sign in twice (someone who saw it typed cannot reuse it).
    const replay = await login(t.app, 'eva@totp.test', code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('invalid_credentials');
  });

  it('can be turned off with a current code, after which sign-in needs only the password', async () => {
    const cookie = await cookieOf(t.app, 'eva@totp.test', freshCode(secret));
    expect((await call(t.app, 'DELETE', '/api/auth/totp', cookie, { code: wrongCode(secret) })).statusCode).toBe(400);
    const off = await call(t.app, 'DELETE', '/api/auth/totp', cookie, { code: codeFor(secret) });
    expect(off.json()).toEqual({ totp_enabled: false });
    await cookieOf(t.app, 'eva@totp.test');
    const row = await t.database.db.selectFrom('accounts').select(['totp_secret', 'totp_enabled_at']).where('email', '=', 'eva@totp.test').executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
  });

  it('the secret appears in no audit row and no log line', async () => {
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', 'like', 'totp%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['totp_disable', 'totp_enable', 'totp_setup']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toContain(secret);
  });

  it('limits code guessing on confirm from one address', async () => {
    await createAccount(t.database.db, { email: 'raden@totp.test', role: 'admin', password: PW });
    const cookie = await cookieOf(t.app, 'raden@totp.test');
    const secret = (await call(t.app, 'POST', '/api/auth/totp/setup', cookie)).json().secret;
    const from = { remoteAddress: '10.9.9.9', headers: { cookie } };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: wrongCode(secret) }, ...from })).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
  });

  it('is for editors and admins: a professional gets 403', async () => {
    const cookie = await cookieOf(t.app, 'piet@totp.test');
    expect((await call(t.app, 'POST', '/api/auth/totp/setup', cookie)).statusCode).toBe(403);
    expect((await call(t.app, 'POST', '/api/auth/totp/setup')).statusCode).toBe(401);
  });
});

describe('checkSecondFactor', () => {
  it('proves the codes of the current and neighbouring 30-second steps only', async () => {
    const secret = new Secret({ size: 20 }).base32;
    const id = await createAccount(t.database.db, { email: 'venster@totp.test', role: 'editor', password: PW });
    const account = { id, totp_secret: secret, totp_enabled_at: new Date().toISOString() };
    const now = new Date('2026-12-01T10:00:10Z');
    expect(await checkSecondFactor(t.database.db, account, codeFor(secret, now.getTime()), now)).toBe('proved');
    expect(await checkSecondFactor(t.database.db, account, codeFor(secret, now.getTime() - 30_000), now)).toBe('proved');
    expect(await checkSecondFactor(t.database.db, account, codeFor(secret, now.getTime() - 90_000), now)).toBe('refused');
    expect(await checkSecondFactor(t.database.db, account, undefined, now)).toBe('refused');
    expect(await checkSecondFactor(t.database.db, { ...account, totp_enabled_at: null }, undefined, now)).toBe('not_enabled');
    expect(await checkSecondFactor(t.database.db, { ...account, totp_enabled_at: null }, '123456', now)).toBe('not_enabled');
  });

  it('accepts a code once; the same code again is refused, the next step\'s code is not', async () => {
    const secret = new Secret({ size: 20 }).base32;
    const id = await createAccount(t.database.db, { email: 'eenmaal@totp.test', role: 'editor', password: PW });
    const account = { id, totp_secret: secret, totp_enabled_at: new Date().toISOString() };
    const now = new Date();
    const code = codeFor(secret, now.getTime());
    expect(await checkSecondFactor(t.database.db, account, code, now)).toBe('proved');
    expect(await checkSecondFactor(t.database.db, account, code, new Date(now.getTime() + 20_000))).toBe('refused');
    const later = new Date(now.getTime() + 30_000);
    expect(await checkSecondFactor(t.database.db, account, codeFor(secret, later.getTime()), later)).toBe('proved');
  });
});

describe('REQUIRE_MFA=editors', () => {
  let strict: FastifyInstance;
  beforeAll(async () => { strict = await buildTestApp(t.database, { env: { REQUIRE_MFA: 'editors' } }); });
  afterAll(async () => { await strict?.close(); });

  it('an editor without TOTP signs in, is told mfa_required, and may read but not write until set up', async () => {
    const cookie = await cookieOf(strict, 'mfa-editor@totp.test');
    const me = await call(strict, 'GET', '/api/auth/me', cookie);
    expect(me.json()).toMatchObject({ mfa_required: true, mfa_step: 'set_up_totp', totp_enabled: false });
    expect((await call(strict, 'GET', '/api/teams', cookie)).statusCode).toBe(200);
    const write = await call(strict, 'POST', '/api/auth/invitations', cookie, { email: 'iemand@totp.test', role: 'professional' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toBe('mfa_required');

    const secret = (await call(strict, 'POST', '/api/auth/totp/setup', cookie)).json().secret;
    expect((await call(strict, 'POST', '/api/auth/totp/confirm', cookie, { code: codeFor(secret) })).statusCode).toBe(200);
    // Confirming proved a code: this session may now write.
    expect((await call(strict, 'GET', '/api/auth/me', cookie)).json()).toMatchObject({ mfa_required: false, mfa_step: null, session: { second_factor: true } });
    expect((await call(strict, 'POST', '/api/auth/invitations', cookie, { email: 'iemand@totp.test', role: 'professional' })).statusCode).toBe(202);
  });

  it('does not concern professionals; with REQUIRE_MFA off nobody is asked', async () => {
    const prof = await cookieOf(strict, 'mfa-prof@totp.test');
    expect((await call(strict, 'GET', '/api/auth/me', prof)).json().mfa_required).toBe(false);
    const editorElsewhere = await cookieOf(t.app, 'eva@totp.test');
    expect((await call(t.app, 'GET', '/api/auth/me', editorElsewhere)).json().mfa_required).toBe(false);
  });
});
