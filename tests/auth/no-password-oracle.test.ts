// Finding 3 of issue 14: sign-in said `code_required` only when the password was right, so a
// guesser learnt which password was right and that the account had TOTP. Now every wrong
// combination answers alike (status, body, no cookie, about the same time), whether the
// account exists, has TOTP or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { totpCode } from '../helpers/totp';

const PW = 'paard-fiets-wolk-lepel';
const WRONG = 'niet-het-goede-wachtwoord';
let t: TestApp;
let secret: string;
let now = new Date('2026-12-06T10:00:00Z');

let n = 0;
const ip = () => `10.16.${Math.floor(++n / 250)}.${n % 250}`;
const login = (email: string, password: string, code?: string) => t.app.inject({
  method: 'POST', url: '/api/auth/login', remoteAddress: ip(), payload: { email, password, ...(code ? { code } : {}) },
});
/** A well-formed code that is not the current one (nor a neighbour). */
const wrongCode = () => totpCode(secret, new Date(now.getTime() + 10 * 60_000));

beforeAll(async () => {
  t = await createTestApp({ seed: false, beforeReady: (a) => { a.clock = () => now; } });
  await createAccount(t.database.db, { email: 'totp@oracle.test', role: 'editor', password: PW });
  await createAccount(t.database.db, { email: 'plain@oracle.test', role: 'editor', password: PW });
  const cookie = await signIn(t.app, 'totp@oracle.test', PW);
  const headers = { cookie };
  secret = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json().secret;
  const on = await t.app.inject({ method: 'POST', url: '/api/auth/totp/confirm', headers, payload: { code: totpCode(secret, now) } });
  expect(on.statusCode).toBe(200);
  now = new Date(now.getTime() + 60_000);
});
afterAll(async () => { await t?.close(); });

describe('sign-in of an account with a second factor', () => {
  it('answers a right password without a code exactly like a wrong password, an unknown address and a wrong code', async () => {
    const attempts: Array<[string, string, string, string?]> = [
      ['wrong password, no code', 'totp@oracle.test', WRONG],
      ['wrong password, the right code', 'totp@oracle.test', WRONG, totpCode(secret, now)],
      ['right password, no code', 'totp@oracle.test', PW],
      ['right password, wrong code', 'totp@oracle.test', PW, wrongCode()],
      ['unknown address', 'niemand@oracle.test', PW],
      ['unknown address with a code', 'niemand@oracle.test', PW, wrongCode()],
      ['account without TOTP, wrong password and a code', 'plain@oracle.test', WRONG, wrongCode()],
    ];
    const answers = new Map<string, string>();
    for (const [what, email, password, code] of attempts) {
      const res = await login(email, password, code);
      expect(res.statusCode, what).toBe(401);
      expect(res.headers['set-cookie'], what).toBeUndefined();
      answers.set(what, res.body);
    }
    expect(new Set(answers.values()), JSON.stringify(Object.fromEntries(answers))).toHaveLength(1);
    expect(JSON.parse(answers.get('right password, no code')!).error).toBe('invalid_credentials');
  });

  it('takes about as long with the right password and no code as with a wrong password', async () => {
    const time = async (password: string) => {
      const start = performance.now();
      await login('totp@oracle.test', password);
      return performance.now() - start;
    };
    await time(WRONG); // warm up
    const right: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      right.push(await time(PW));
      wrong.push(await time(WRONG));
    }
    // The fastest of several, interleaved: both spend one argon2id verification and one refusal.
    expect(Math.min(...right)).toBeGreaterThan(Math.min(...wrong) * 0.4);
    expect(Math.min(...wrong)).toBeGreaterThan(Math.min(...right) * 0.4);
  });

  it('signs in with the right password and the current code; a code sent for an account without TOTP is ignored', async () => {
    now = new Date(now.getTime() + 60_000);
    expect((await login('totp@oracle.test', PW, totpCode(secret, now))).statusCode).toBe(200);
    expect((await login('plain@oracle.test', PW, wrongCode())).statusCode).toBe(200);
  });
});
