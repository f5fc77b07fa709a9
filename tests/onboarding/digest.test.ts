// The weekly digest: once per ISO week per subscriber, through a real local SMTP server, with
// contact details only as each subscriber may see them (a team-only 06 number reaches the
// newcomer's own team, not a professional elsewhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIJK } from '../../seeds/demo/areas';
import { stableId } from '../../seeds/ids';
import { createMailer } from '../../server/mail/mail.transport';
import type { Mailer } from '../../server/mail/mail.transport';
import { sendDigests } from '../../server/onboarding/digest.job';
import { isoWeek } from '../../server/mail/mail.week';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

let t: TestApp;
let smtp: TestSmtp;
let mailer: Mailer;
let editor: string;
const team = stableId('team', 'wijkteam_oost');
const MOBILE = '06-98765432';
const json = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, origin: 'http://localhost:80', 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  mailer = createMailer({ NODE_ENV: 'test', SMTP_URL: smtp.url, MAIL_FROM: 'Wijkweb <noreply@wijkweb.invalid>' }, t.app.log);
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
});
afterAll(async () => { mailer?.close(); await smtp?.close(); await t?.close(); });

describe(`the weekly digest on ${TEST_BACKEND}`, () => {
  it('counts ISO weeks the ISO way', () => {
    expect(isoWeek(new Date('2026-12-01T10:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T10:00:00Z'))).toBe('2025-W01');
  });

  it('mails each subscriber once per week, shaped for that subscriber', async () => {
    const db = t.database.db;
    // a colleague in the newcomer's team (sees team-only fields) and a professional elsewhere (does not)
    const colleague = await db.selectFrom('memberships').select('person_id').where('team_id', '=', team).where('until', 'is', null).orderBy('person_id').executeTakeFirstOrThrow();
    await createAccount(db, { email: 'colleague@test.invalid', role: 'professional', personId: colleague.person_id });
    await createAccount(db, { email: 'elsewhere@test.invalid', role: 'professional' });
    const subscribers = { colleague: await signIn(t.app, 'colleague@test.invalid', 'correct horse battery staple'), elsewhere: await signIn(t.app, 'elsewhere@test.invalid', 'correct horse battery staple') };
    for (const cookie of Object.values(subscribers)) {
      const res = await json('PUT', '/api/me/digest', cookie, { area: WIJK.code });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().areas.map((a: { code: string }) => a.code)).toEqual([WIJK.code]);
    }
    expect((await json('PUT', '/api/me/digest', subscribers.elsewhere, { area: 'WK99999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: '/api/me/digest', payload: { area: WIJK.code } })).statusCode).toBe(401);

    // nothing happened yet: no mail, nothing recorded (the demo's own recent changes,
    // seeds/demo/recent-changes.ts, would be this week's news: this test starts without them)
    await db.deleteFrom('audit_log').where('action', 'like', 'membership.%').execute();
    expect((await sendDigests(db, mailer, new Date())).sent).toBe(0);

    const employer = (await db.selectFrom('teams').select('organisation_id').where('id', '=', team).executeTakeFirstOrThrow()).organisation_id; // the editor's own organisation
    const newcomer = await db.insertInto('people').values({ given_name: 'Daan', family_name: 'Digestvriend', job_title: 'Wijkcoach', organisation_id: employer,
      phone_mobile: MOBILE, phone_mobile_visibility: 'team' }).returning('id').executeTakeFirstOrThrow();
    expect((await json('POST', '/api/memberships', editor, { person_id: newcomer.id, team_id: team })).statusCode).toBe(201);

    const t1 = new Date();
    const run = await sendDigests(db, mailer, t1, { appUrl: 'https://wijkweb.example' });
    expect(run).toMatchObject({ period: isoWeek(t1), sent: 2, failed: 0 });
    const toColleague = await smtp.waitFor('colleague@test.invalid');
    const toElsewhere = await smtp.waitFor('elsewhere@test.invalid');
    for (const mail of [toColleague, toElsewhere]) {
      expect(mail.text).toContain('Daan Digestvriend');
      expect(mail.text).toContain('nieuw in de wijk');
      expect(mail.link).toBe(`https://wijkweb.example/wijk/${WIJK.code}/wijzigingen`);
      expect(mail.text).toContain('https://wijkweb.example/kennismaken');
    }
    expect(toColleague.text).toContain(MOBILE);
    expect(toElsewhere.text).not.toMatch(/06[- ]?\d{8}/);
    expect(toElsewhere.html).not.toMatch(/06[- ]?\d{8}/);

    // the same week again: nothing more, even with news
    const patch = await json('PATCH', `/api/teams/${team}`, editor, { description: 'Nu ook met spreekuur in het buurthuis.' },
      { 'if-match': (await getJson(t.app, `/api/teams/${team}`, { cookie: editor })).headers.etag as string });
    expect(patch.statusCode).toBe(200);
    const membership = await db.selectFrom('memberships').select('id').where('person_id', '=', newcomer.id).executeTakeFirstOrThrow();
    const etag = (await getJson(t.app, `/api/memberships/${membership.id}`, { cookie: editor })).headers.etag as string;
    expect((await json('PATCH', `/api/memberships/${membership.id}`, editor, { role: 'teamleider' }, { 'if-match': etag })).statusCode).toBe(200);
    expect((await sendDigests(db, mailer, t1)).sent).toBe(0);
    expect((await sendDigests(db, mailer, new Date(t1.getTime() + 60_000))).sent).toBe(isoWeek(new Date(t1.getTime() + 60_000)) === isoWeek(t1) ? 0 : 2);
    const recorded = await db.selectFrom('digests_sent').select(['account_id', 'period']).execute();
    expect(recorded.filter((r) => r.period === isoWeek(t1))).toHaveLength(2);

    // next week: one more each, with only what changed since the last digest
    const t2 = new Date(t1.getTime() + 7 * 86_400_000);
    smtp.messages.length = 0;
    expect((await sendDigests(db, mailer, t2)).sent).toBe(2);
    const second = await smtp.waitFor('elsewhere@test.invalid');
    expect(second.text).toContain('teamleider');
    expect(second.text).not.toContain('Nieuw bij');
    expect((await sendDigests(db, mailer, t2)).sent).toBe(0);

    // unsubscribed: no more mail
    const off = await json('DELETE', '/api/me/digest', subscribers.elsewhere, { area: WIJK.code });
    expect(off.json().areas).toEqual([]);
  });

  it('releases the week when the mail could not be sent, so the next run retries', async () => {
    const db = t.database.db;
    const broken: Mailer = { send: async () => { throw new Error('smtp down'); }, close() {} };
    await db.deleteFrom('digests_sent').execute();
    const failed = await sendDigests(db, broken, new Date(Date.now() + 60_000));
    expect(failed.failed).toBeGreaterThan(0);
    expect(await db.selectFrom('digests_sent').select('account_id').execute()).toHaveLength(0);
    expect((await sendDigests(db, mailer, new Date(Date.now() + 60_000))).sent).toBeGreaterThan(0);
  });
});
