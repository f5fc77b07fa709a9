// "Te controleren": the list is scoped to what the editor may edit, stalest first, and
// refused to others; the weekly reminder reaches each editor with something stale once
// per ISO week through a real SMTP server, and nobody with nothing to check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import type { Database } from '../../server/db/database';
import { createMailer, type Mailer } from '../../server/mail/mail.transport';
import { sendReviewReminders } from '../../server/review/reminders';
import { isoWeek } from '../../server/mail/mail.week';
import { ageFixture, monthsBefore, type ReviewFixture } from '../helpers/review-fixture';

let database: Database;
let app: FastifyInstance;
let fx: ReviewFixture;
let smtp: TestSmtp;
let mailer: Mailer;
const now = new Date();
const cookies: Record<'a' | 'b' | 'c' | 'professional' | 'admin', string> = {} as never;
let orgB: { org: string; team: string };

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { beforeReady: (a) => { a.clock = () => now; } });
  fx = await ageFixture(database.db, now);
  const db = database.db;
  // organisation B: one team 14 months old; organisation C: nothing stale
  const others = await db.selectFrom('organisations as o').select('o.id').where('o.id', '!=', fx.org)
    .where((eb) => eb.exists(eb.selectFrom('teams as t').select('t.id').whereRef('t.organisation_id', '=', 'o.id')))
    .orderBy('o.id').limit(2).execute();
  const teamB = await db.selectFrom('teams').select('id').where('organisation_id', '=', others[0]!.id).orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('teams').set({ last_verified_at: monthsBefore(now, 14) }).where('id', '=', teamB.id).execute();
  orgB = { org: others[0]!.id, team: teamB.id };
  await createAccount(db, { email: 'editor-b@test.invalid', role: 'editor', scopes: [{ organisationId: orgB.org }] });
  await createAccount(db, { email: 'editor-c@test.invalid', role: 'editor', scopes: [{ organisationId: others[1]!.id }] });
  cookies.a = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  cookies.b = await signIn(app, 'editor-b@test.invalid', 'correct horse battery staple');
  cookies.c = await signIn(app, 'editor-c@test.invalid', 'correct horse battery staple');
  cookies.professional = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  cookies.admin = await signIn(app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  smtp = await startSmtp();
  mailer = createMailer({ NODE_ENV: 'test', SMTP_URL: smtp.url, MAIL_FROM: 'Wijkweb <noreply@wijkweb.invalid>' }, app.log);
});
afterAll(async () => { mailer?.close(); await smtp?.close(); await app?.close(); await database?.close(); });

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe(`te controleren on ${TEST_BACKEND}`, () => {
  it('lists only the editor\'s own stale records, stalest first, with age, link and version', async () => {
    const res = await getJson(app, '/api/review', { cookie: cookies.a });
    expect(res.status, res.raw).toBe(200);
    const from = res.body.items.map((i: { counted_from: string }) => i.counted_from);
    expect(from).toEqual([...from].sort()); // stalest first
    expect(ids(res.body).slice(0, 2).sort()).toEqual([fx.teams.hidden.id, fx.people.hidden.id].sort());
    expect(new Set(ids(res.body))).toEqual(new Set([fx.teams.hidden.id, fx.people.hidden.id, fx.teams.stale.id, fx.people.stale.id]));
    const ages = res.body.items.map((i: { age_days: number }) => i.age_days);
    expect(ages).toEqual([...ages].sort((x, y) => y - x));
    expect(ages[0]).toBeGreaterThanOrEqual(16 * 28);
    expect(res.body.items.find((i: { id: string }) => i.id === fx.teams.hidden.id)).toMatchObject({ kind: 'team', stale: true, hidden_from_residents: true, link: `/teams/${fx.teams.hidden.id}`, verify_url: `/api/teams/${fx.teams.hidden.id}/verify` });
    expect(res.body.items.find((i: { id: string }) => i.id === fx.people.stale.id)).toMatchObject({ kind: 'person', link: `/mensen/${fx.people.stale.id}`, stale: true, hidden_from_residents: false });
    expect(ids(res.body)).not.toContain(orgB.team);
    expect(res.body).toMatchObject({ stale_after_months: 12, grace_months: 3 });
  });

  it('narrows to a scope the editor holds, and refuses one they do not', async () => {
    const own = await getJson(app, `/api/review?scope=${fx.teams.stale.id}`, { cookie: cookies.a });
    expect(own.status).toBe(200);
    expect(ids(own.body)).toContain(fx.teams.stale.id);
    expect(ids(own.body)).not.toContain(fx.teams.hidden.id);
    expect((await getJson(app, `/api/review?scope=${orgB.org}`, { cookie: cookies.a })).status).toBe(403);
    expect((await getJson(app, '/api/review?scope=00000000-0000-4000-8000-000000000000', { cookie: cookies.a })).status).toBe(404);
    const bad = await getJson(app, '/api/review?scope=nope', { cookie: cookies.a });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('scope');
  });

  it('shows editor B only B\'s records, editor C nothing, the admin everything', async () => {
    expect(ids((await getJson(app, '/api/review', { cookie: cookies.b })).body)).toEqual([orgB.team]);
    expect(ids((await getJson(app, '/api/review', { cookie: cookies.c })).body)).toEqual([]);
    const all = ids((await getJson(app, '/api/review', { cookie: cookies.admin })).body);
    expect(all).toEqual(expect.arrayContaining([orgB.team, fx.teams.hidden.id, fx.people.stale.id]));
  });

  it('is 401 for residents and 403 for professionals', async () => {
    expect((await getJson(app, '/api/review')).status).toBe(401);
    expect((await getJson(app, '/api/review', { cookie: cookies.professional })).status).toBe(403);
  });

  it('mails each editor with something stale once per ISO week, nobody else', async () => {
    const db = database.db;
    const first = await sendReviewReminders(db, mailer, now, { appUrl: 'https://wijkweb.example' });
    expect(first).toEqual({ period: isoWeek(now), sent: 2, failed: 0 });
    const a = await smtp.waitFor(DEMO_ACCOUNTS.editor.email);
    expect(a.subject).toContain('Te controleren');
    expect(a.text).toContain(fx.teams.hidden.name);
    expect(a.text).toContain(fx.people.stale.name);
    expect(a.text).not.toContain('editor-b');
    expect(a.link).toBe('https://wijkweb.example/te-controleren');
    const b = await smtp.waitFor('editor-b@test.invalid');
    expect(b.text).not.toContain(fx.teams.hidden.name);
    // the same week again (a later hourly run, or another instance): nothing
    // (an hour later, unless that is already next ISO week: late on a Sunday, take the same moment)
    const laterSameWeek = [3600_000, 60_000, 0].map((ms) => new Date(now.getTime() + ms)).find((d) => isoWeek(d) === isoWeek(now))!;
    expect((await sendReviewReminders(db, mailer, laterSameWeek)).sent).toBe(0);
    // sendReviewReminders resolves after the SMTP server accepted each mail: nothing is in flight
    expect(smtp.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([DEMO_ACCOUNTS.editor.email, 'editor-b@test.invalid'].sort());
    // next week: again, for those with something still stale
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    expect((await sendReviewReminders(db, mailer, nextWeek)).sent).toBe(2);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes('editor-c@test.invalid'))).toEqual([]);
  });
});
