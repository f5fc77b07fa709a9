// Password reset end to end through a real SMTP server; the same answer, in about the same
// time, for known and unknown addresses; one-time, expiring links; all sessions ended.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESET_ACCEPTED } from '../../server/auth/reset.routes';
import { createTestApp, type TestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const APP_URL = 'https://wijkweb.example.nl';
const OLD = 'paard-fiets-wolk-lepel';
const NEW = 'zeilboot-tulpenveld-regenjas';
let t: TestApp;
let smtp: TestSmtp;

let n = 0;
const ip = () => `10.2.${Math.floor(++n / 250)}.${n % 250}`;
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip() });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const tokenOf = (link: string | null) => new URL(link!).searchParams.get('token')!;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url, APP_URL } });
});
afterAll(async () => { await t?.close(); await smtp?.close(); });

describe('reset through the mail', () => {
  it('sets the new password, ends every session, and the link works once', async () => {
    const id = await createAccount(t.database.db, { email: 'sanne@reset.test', role: 'editor', password: OLD });
    const phone = await signIn(t.app, 'sanne@reset.test', OLD);
    const laptop = await signIn(t.app, 'sanne@reset.test', OLD);

    const res = await post('/api/auth/reset', { email: '  Sanne@Reset.test ' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: RESET_ACCEPTED });
    const mail = await smtp.waitFor('sanne@reset.test');
    expect(mail.subject).toMatch(/^Nieuw wachtwoord/);
    expect(mail.link).toMatch(/^https:\/\/wijkweb\.example\.nl\/wachtwoord\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(mail.link);

    const row = await t.database.db.selectFrom('account_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ account_id: id, kind: 'reset', used_at: null });
    const ttl = new Date(row.expires_at).getTime() - new Date(row.created_at).getTime();
    expect(ttl).toBe(3600_000);

    const weak = await post('/api/auth/reset/confirm', { token, password: 'sanne12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].field).toBe('password');

    expect((await me(phone)).statusCode).toBe(200);
    const done = await post('/api/auth/reset/confirm', { token, password: NEW });
    expect(done.statusCode).toBe(200);
    expect(done.headers['set-cookie']).toBeUndefined();
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);

    await expect(signIn(t.app, 'sanne@reset.test', OLD)).rejects.toThrow(/401/);
    expect((await me(await signIn(t.app, 'sanne@reset.test', NEW))).statusCode).toBe(200);

    const reuse = await post('/api/auth/reset/confirm', { token, password: 'nog-een-heel-ander-wachtwoord' });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error).toBe('invalid_token');

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', 'like', 'password_reset%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['password_reset', 'password_reset_request']);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(sha256(token));
  });

  it('an expired link is refused like an unknown one; a newer request retires the older link', async () => {
    await createAccount(t.database.db, { email: 'joris@reset.test', role: 'professional', password: OLD });
    await post('/api/auth/reset', { email: 'joris@reset.test' });
    const first = tokenOf((await smtp.waitFor('joris@reset.test')).link);
    await post('/api/auth/reset', { email: 'joris@reset.test' });
    const second = tokenOf((await smtp.waitFor('joris@reset.test')).link);
    const retired = await post('/api/auth/reset/confirm', { token: first, password: NEW });
    expect(retired.json().error).toBe('invalid_token');

    // An hour and a bit later.
    await t.database.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 60_000) })
      .where('token_hash', '=', sha256(second)).execute();
    const expired = await post('/api/auth/reset/confirm', { token: second, password: NEW });
    const unknown = await post('/api/auth/reset/confirm', { token: 'B'.repeat(43), password: NEW });
    expect([expired.statusCode, expired.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(expired.json().error).toBe('invalid_token');
    await signIn(t.app, 'joris@reset.test', OLD);
  });
});

describe('no enumeration', () => {
  it('same status and body for known, unknown and deactivated addresses; only the known one gets mail', async () => {
    await createAccount(t.database.db, { email: 'bekend@reset.test', role: 'professional', password: OLD });
    const gone = await createAccount(t.database.db, { email: 'weg@reset.test', role: 'professional', password: OLD });
    await t.database.db.updateTable('accounts').set({ deactivated_at: new Date() }).where('id', '=', gone).execute();
    const answers = await Promise.all(['onbekend@reset.test', 'weg@reset.test', 'bekend@reset.test'].map((email) => post('/api/auth/reset', { email })));
    for (const a of answers) expect([a.statusCode, a.headers['content-type'], a.body]).toEqual([202, answers[2]!.headers['content-type'], answers[2]!.body]);
    await smtp.waitFor('bekend@reset.test');
    await t.app.mailer.idle();
    expect(smtp.messages.filter((m) => m.envelopeTo.some((to) => to === 'onbekend@reset.test' || to === 'weg@reset.test'))).toEqual([]);
  });

  it('takes about the same time for known and unknown addresses (medians of 20 each)', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `tijd${i}@reset.test`);
    for (const email of emails) await createAccount(t.database.db, { email, role: 'professional', password: OLD });
    const time = async (email: string) => {
      const start = performance.now();
      const res = await post('/api/auth/reset', { email });
      expect(res.statusCode).toBe(202);
      return performance.now() - start;
    };
    for (let i = 0; i < 3; i++) { await time(`opwarmen${i}@reset.test`); } // warm-up: JIT, pool
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 20; i++) { // interleaved, so load on the machine hits both alike
      known.push(await time(emails[i]!));
      unknown.push(await time(`niemand${i}@reset.test`));
    }
    await t.app.mailer.idle();
    const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return (s[9]! + s[10]!) / 2; };
    const [k, u] = [median(known), median(unknown)];
    console.log(`reset timing (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}): known median ${k.toFixed(1)} ms, unknown median ${u.toFixed(1)} ms`);
    expect(Math.max(k, u) / Math.min(k, u) < 2 || Math.abs(k - u) < 30).toBe(true);
  });

  it('limits requests per address, known or not, with the same 429', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/api/auth/reset', { email: 'vaak@reset.test' })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('without SMTP_URL in development', () => {
  it('prints the reset mail (To, Subject, link) to the log', async () => {
    const lines: any[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const dev = await createTestApp({ seed: false, env: { NODE_ENV: 'development', APP_URL }, logger: { level: 'info', stream } });
    try {
      await createAccount(dev.database.db, { email: 'dev@reset.test', role: 'professional', password: OLD });
      expect((await dev.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { email: 'dev@reset.test' } })).statusCode).toBe(202);
      await dev.app.mailer.idle();
      const line = lines.find((l) => l.msg === 'mail');
      expect(line.mail).toMatchObject({ to: 'dev@reset.test', subject: expect.stringMatching(/Nieuw wachtwoord/) });
      const token = tokenOf(line.mail.link);
      const done = await dev.app.inject({ method: 'POST', url: '/api/auth/reset/confirm', payload: { token, password: NEW } });
      expect(done.statusCode).toBe(200);
    } finally {
      await dev.close();
    }
  });
});
