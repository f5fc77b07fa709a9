// Invitations end to end: an admin or editor invites, a real SMTP server receives the mail,
// the link's token sets a password and signs the person in. Who may invite whom, one-time
// and expiring tokens, and answers that never reveal whether an address had an account.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_ACCEPTED } from '../../server/auth/invitations.routes';
import { isCurrentMembership } from '../../server/domain/membership';
import { createTestApp, type TestApp } from '../helpers/app';
import { createAccount, sessionCookieFrom, signIn } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const APP_URL = 'http://wijkweb.test';
const STRONG = 'paard-fiets-wolk-lepel';
let t: TestApp;
let smtp: TestSmtp;
let admin: string; // cookie headers
let editor: string;
let professional: string;
let ownTeam: string; let ownOrg: string; let otherTeam: string; let otherOrg: string;
let personInside: string; let personOutside: string;

// Every request from its own address: the per-IP limits are tested by auth-core, not here.
let n = 0;
const ip = () => `10.1.${Math.floor(++n / 250)}.${n % 250}`;
const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip(), headers: cookie ? { cookie } : {} });
const tokenOf = (link: string | null) => new URL(link!).searchParams.get('token')!;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, APP_URL } });
  const db = t.database.db;
  const [a, b] = await db.selectFrom('teams').select(['id', 'organisation_id']).orderBy('id').execute()
    .then((teams) => [teams[0]!, teams.find((x) => x.organisation_id !== teams[0]!.organisation_id)!]);
  ownTeam = a!.id; ownOrg = a!.organisation_id; otherTeam = b!.id; otherOrg = b!.organisation_id;
  const memberOf = (team: string) => db.selectFrom('memberships as m').select('m.person_id').where('m.team_id', '=', team)
    .where(isCurrentMembership('m')).orderBy('m.person_id').executeTakeFirstOrThrow().then((r) => r.person_id);
  personInside = await memberOf(ownTeam);
  personOutside = await memberOf(otherTeam);
  await createAccount(db, { email: 'beheer@inv.test', role: 'admin', password: STRONG });
  await createAccount(db, { email: 'redactie@inv.test', role: 'editor', password: STRONG, scopes: [{ organisationId: ownOrg }] });
  await createAccount(db, { email: 'prof@inv.test', role: 'professional', password: STRONG });
  admin = await signIn(t.app, 'beheer@inv.test', STRONG);
  editor = await signIn(t.app, 'redactie@inv.test', STRONG);
  professional = await signIn(t.app, 'prof@inv.test', STRONG);
});
afterAll(async () => { await t?.close(); await smtp?.close(); });

describe('invite → mail → accept → signed in', () => {
  it('follows the whole path through a real SMTP server', async () => {
    const res = await post('/api/auth/invitations', { email: 'Nieuw.Lid@Example.nl', role: 'professional', person_id: personInside }, admin);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: INVITE_ACCEPTED });

    const mail = await smtp.waitFor('nieuw.lid@example.nl');
    expect(mail.subject).toMatch(/Uitnodiging/);
    expect(mail.text).toContain('beheer@inv.test heeft u uitgenodigd');
    expect(mail.link).toMatch(/^http:\/\/wijkweb\.test\/welkom\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(mail.link);

    // Only the hash is stored.
    const stored = await t.database.db.selectFrom('account_tokens').selectAll().where('kind', '=', 'invite').execute();
    expect(stored.map((s) => s.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    // A weak password is refused, names the field, and leaves the token usable.
    const weak = await post('/api/auth/invitations/accept', { token, password: 'wachtwoord123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0]).toMatchObject({ field: 'password', reasons: expect.arrayContaining(['password.too_weak']) });

    const ok = await post('/api/auth/invitations/accept', { token, password: STRONG });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().account).toMatchObject({ email: 'nieuw.lid@example.nl', role: 'professional' });
    const cookie = sessionCookieFrom(ok.headers['set-cookie']);
    expect(cookie).toBeDefined();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'nieuw.lid@example.nl', role: 'professional', person_id: personInside });

    // The password works for a normal sign-in too, and the token is spent.
    await signIn(t.app, 'nieuw.lid@example.nl', STRONG);
    const again = await post('/api/auth/invitations/accept', { token, password: 'een-ander-sterk-wachtwoord' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_token');

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', 'in', ['invite', 'invite_accept']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['invite', 'invite_accept']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('the name of the linked person counts against the password', async () => {
    const person = await t.database.db.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', personInside).executeTakeFirstOrThrow();
    await post('/api/auth/invitations', { email: 'naam@inv.test', role: 'professional', person_id: personInside }, admin);
    const token = tokenOf((await smtp.waitFor('naam@inv.test')).link);
    const res = await post('/api/auth/invitations/accept', { token, password: `${person.given_name}${person.family_name}2024!` });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].reasons).toContain('password.contains_personal_info');
  });
});

describe('no enumeration', () => {
  it('answers the same for an address with an account, without changing that account or mailing it', async () => {
    const before = await t.database.db.selectFrom('accounts').select(['role', 'password_hash']).where('email', '=', 'prof@inv.test').executeTakeFirstOrThrow();
    const known = await post('/api/auth/invitations', { email: 'prof@inv.test', role: 'admin' }, admin);
    const unknown = await post('/api/auth/invitations', { email: 'onbekend@inv.test', role: 'admin' }, admin);
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    await smtp.waitFor('onbekend@inv.test');
    const after = await t.database.db.selectFrom('accounts').select(['role', 'password_hash']).where('email', '=', 'prof@inv.test').executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(smtp.messages.some((m) => m.envelopeTo.includes('prof@inv.test'))).toBe(false);
  });

  it('two invitations of the same new address at once make one account, and answer alike', async () => {
    const both = await Promise.all([1, 2].map(() => post('/api/auth/invitations', { email: 'tegelijk@inv.test', role: 'professional' }, admin)));
    expect(both.map((r) => [r.statusCode, r.body])).toEqual([[202, both[0]!.body], [202, both[0]!.body]]);
    const rows = await t.database.db.selectFrom('accounts').select('id').where('email', '=', 'tegelijk@inv.test').execute();
    expect(rows).toHaveLength(1);
    await smtp.waitFor('tegelijk@inv.test');
  });

  it('a second invitation to a still-invited address sends a fresh link and retires the old one', async () => {
    await post('/api/auth/invitations', { email: 'twee@inv.test', role: 'professional' }, admin);
    const first = tokenOf((await smtp.waitFor('twee@inv.test')).link);
    await post('/api/auth/invitations', { email: 'twee@inv.test', role: 'professional' }, admin);
    const second = tokenOf((await smtp.waitFor('twee@inv.test')).link);
    expect(second).not.toBe(first);
    expect((await post('/api/auth/invitations/accept', { token: first, password: STRONG })).json().error).toBe('invalid_token');
    expect((await post('/api/auth/invitations/accept', { token: second, password: STRONG })).statusCode).toBe(200);
  });
});

describe('who may invite whom', () => {
  it('anonymous 401, professional 403', async () => {
    expect((await post('/api/auth/invitations', { email: 'x1@inv.test', role: 'professional' })).statusCode).toBe(401);
    expect((await post('/api/auth/invitations', { email: 'x2@inv.test', role: 'professional' }, professional)).statusCode).toBe(403);
  });

  it('an editor cannot invite an admin, nor an editor outside their scope', async () => {
    const asAdmin = await post('/api/auth/invitations', { email: 'x3@inv.test', role: 'admin' }, editor);
    expect(asAdmin.statusCode).toBe(403);
    const outsideOrg = await post('/api/auth/invitations', { email: 'x4@inv.test', role: 'editor', scopes: [{ organisation_id: otherOrg }] }, editor);
    expect(outsideOrg.statusCode).toBe(403);
    const outsideTeam = await post('/api/auth/invitations', { email: 'x5@inv.test', role: 'editor', scopes: [{ team_id: otherTeam }] }, editor);
    expect(outsideTeam.statusCode).toBe(403);
    const noScope = await post('/api/auth/invitations', { email: 'x6@inv.test', role: 'editor' }, editor);
    expect(noScope.statusCode).toBe(403);
    const outsidePerson = await post('/api/auth/invitations', { email: 'x7@inv.test', role: 'professional', person_id: personOutside }, editor);
    expect(outsidePerson.statusCode).toBe(403);
    const made = await t.database.db.selectFrom('accounts').select('email').where('email', 'like', 'x%@inv.test').execute();
    expect(made).toEqual([]);
  });

  it('an editor invites professionals of their teams and editors inside their scope', async () => {
    expect((await post('/api/auth/invitations', { email: 'p1@inv.test', role: 'professional', person_id: personInside }, editor)).statusCode).toBe(202);
    expect((await post('/api/auth/invitations', { email: 'e1@inv.test', role: 'editor', scopes: [{ team_id: ownTeam }] }, editor)).statusCode).toBe(202);
    await smtp.waitFor('p1@inv.test');
    await smtp.waitFor('e1@inv.test');
    const e1 = await t.database.db.selectFrom('accounts as a').innerJoin('account_scopes as s', 's.account_id', 'a.id')
      .select(['a.role', 's.team_id']).where('a.email', '=', 'e1@inv.test').execute();
    expect(e1).toEqual([{ role: 'editor', team_id: ownTeam }]);
  });

  it('an admin invites anyone, anywhere; bad references are a 400 naming the field', async () => {
    expect((await post('/api/auth/invitations', { email: 'a1@inv.test', role: 'editor', scopes: [{ organisation_id: otherOrg }] }, admin)).statusCode).toBe(202);
    const unknownTeam = await post('/api/auth/invitations', { email: 'a2@inv.test', role: 'editor', scopes: [{ team_id: '00000000-0000-4000-8000-000000000000' }] }, admin);
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().details[0].field).toBe('scopes');
    const badEmail = await post('/api/auth/invitations', { email: 'geen-adres', role: 'professional' }, admin);
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().details[0].field).toBe('email');
  });
});

describe('documentation', () => {
  it('lists every invitation, reset and TOTP route in /docs/json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of ['/api/auth/invitations', '/api/auth/invitations/accept', '/api/auth/reset', '/api/auth/reset/confirm', '/api/auth/totp/setup', '/api/auth/totp/confirm', '/api/auth/totp']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/auth/invitations'].post.requestBody).toBeDefined();
  });
});

describe('tokens', () => {
  it('unknown, malformed and expired tokens get the same invalid_token answer', async () => {
    await post('/api/auth/invitations', { email: 'verlopen@inv.test', role: 'professional' }, admin);
    const token = tokenOf((await smtp.waitFor('verlopen@inv.test')).link);
    await t.database.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', createHash('sha256').update(token).digest('hex')).execute();
    const answers = await Promise.all([token, 'A'.repeat(43), 'kort', ''].map((tk) => post('/api/auth/invitations/accept', { token: tk, password: STRONG })));
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_token');
      expect(res.json().message).toBe(answers[0]!.json().message);
    }
  });
});
