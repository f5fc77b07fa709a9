// Mijn gegevens (AVG): the export holds every value stored about the signed-in person and
// nothing of anyone else; withdrawals take effect on the next request everywhere people
// appear; deleting the account removes the values from every response and from the audit
// log, which keeps its rows (who did what, when).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMobileViews, viewsOfMobile, writeAudit } from '../../server/audit/audit.queries';
import { BUURTEN } from '../../seeds/demo/areas';
import { pointInBuurt } from '../../seeds/demo/geometry';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';

const C = {
  given: 'Kanariegiven', family: 'Kanarievogelaar', pronouns: 'kanarie/kanaries', ask: 'CANARY-ASK schuldhulp',
  mobile: '06-99887766', work: '020-9988776', email: 'canary.work@example.nl', avail: 'CANARY-AVAIL maandag',
  notes: 'CANARY-NOTES prive', role: 'CANARY-ROLE wijkcoach', agent: 'CANARY-UA/1.0 (test)', audit: 'CANARY-AUDIT-VALUE',
};
const OTHER = 'OTHER-PERSON-CANARY';

let t: TestApp;
let app: FastifyInstance;
let personId: string;
let accountId: string;
let teamId: string;
let me: string;
let otherPro: string;
let teammate: { id: string; family_name: string };
const email = DEMO_ACCOUNTS.professional.email;

async function crawl(headers: Record<string, string>): Promise<string> {
  const db = t.database.db;
  const buurt = await db.selectFrom('team_areas').select('area_code').where('team_id', '=', teamId).executeTakeFirstOrThrow();
  const { lat, lon } = pointInBuurt(BUURTEN.find((b) => b.code === buurt.area_code)!.key, 0.5, 0.5);
  const urls = [`/api/people/${personId}`, `/api/teams/${teamId}`, `/api/people?team=${teamId}&per_page=100`,
    `/api/search?q=${C.family}`, `/api/search?q=${C.given}`, `/api/areas/${buurt.area_code}/people`, `/api/lookup?lat=${lat}&lon=${lon}`];
  const bodies: string[] = [];
  for (const url of urls) {
    const res = await getJson(app, url, headers);
    expect([200, 404], `${url}: ${res.raw.slice(0, 200)}`).toContain(res.status);
    bodies.push(res.raw);
  }
  return bodies.join('\n');
}
const found = (text: string, values: string[]) => values.filter((v) => text.includes(v));

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const db = t.database.db;
  const account = await db.selectFrom('accounts').select(['id', 'person_id']).where('email', '=', email).executeTakeFirstOrThrow();
  accountId = account.id;
  personId = account.person_id!;
  teamId = (await db.selectFrom('memberships').select('team_id').where('person_id', '=', personId).executeTakeFirstOrThrow()).team_id;
  await db.updateTable('people').set({
    given_name: C.given, family_name: C.family, pronouns: C.pronouns, ask_me_about: C.ask, phone_mobile: C.mobile,
    phone_mobile_visibility: 'professionals', phone_work: C.work, email_work: C.email, availability_note: C.avail,
    private_notes: C.notes, public_profile: true,
  }).where('id', '=', personId).execute();
  await db.updateTable('memberships').set({ role: C.role, is_contact_person: true }).where('person_id', '=', personId).where('team_id', '=', teamId).execute();
  await db.deleteFrom('person_consents').where('person_id', '=', personId).execute();
  await db.insertInto('person_consents').values(['ask_me_about', 'phone_work', 'email_work'].map((field) => ({ person_id: personId, field: field as 'phone_work' }))).execute();
  const mate = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id').select(['p.id', 'p.family_name'])
    .where('m.team_id', '=', teamId).where('p.id', '!=', personId).executeTakeFirstOrThrow();
  teammate = mate;
  await db.updateTable('people').set({ private_notes: OTHER }).where('id', '=', mate.id).execute();
  const editorId = (await db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow()).id;
  await writeAudit(db, { actorAccountId: editorId, action: 'person.update', entityType: 'person', entityId: personId, before: { private_notes: null }, after: { private_notes: C.audit } });
  // Something this account did about someone else: the export says that, not the colleague's values.
  await writeAudit(db, { actorAccountId: accountId, action: 'person.update', entityType: 'person', entityId: mate.id, before: null, after: { private_notes: OTHER } });
  me = await signIn(app, email, DEMO_ACCOUNTS.professional.password, { 'user-agent': C.agent });
  await createAccount(db, { email: 'ander@test.nl', role: 'professional' });
  otherPro = await signIn(app, 'ander@test.nl', 'correct horse battery staple');
});
afterAll(async () => { await t?.close(); });

describe('GET /api/me/data', () => {
  it('holds every value stored about me, and no secrets', async () => {
    const res = await getJson(app, '/api/me/data', { cookie: me });
    expect(res.status).toBe(200);
    expect(found(res.raw, Object.values(C))).toEqual(Object.values(C));
    expect(res.raw).toContain(email);
    expect(res.body.consents.map((c: { field: string }) => c.field).sort()).toEqual(['ask_me_about', 'email_work', 'phone_work']);
    expect(res.body.memberships[0]).toMatchObject({ team_id: teamId, role: C.role });
    expect(typeof res.body.memberships[0].team_name).toBe('string');
    expect(res.body.sessions.some((s: { current: boolean; user_agent: string }) => s.current && s.user_agent === C.agent)).toBe(true);
    for (const secret of ['password_hash', 'token_hash', 'totp_secret', '$argon2']) expect(res.raw).not.toContain(secret);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('carries nothing of anyone else', async () => {
    const res = await getJson(app, '/api/me/data', { cookie: me });
    expect(res.raw).not.toContain(OTHER);
    expect(res.raw).not.toContain(teammate.family_name);
    expect(res.raw).not.toContain(DEMO_ACCOUNTS.editor.email);
    const mine = res.body.audit.find((a: { entity_id: string; by_me: boolean }) => a.entity_id === teammate.id);
    expect(mine).toMatchObject({ by_me: true, action: 'person.update', after: null });
  });

  it('?download=1 is a file named mijn-gegevens.json; anonymous 401', async () => {
    const res = await getJson(app, '/api/me/data?download=1', { cookie: me });
    expect(res.headers['content-disposition']).toBe('attachment; filename="mijn-gegevens.json"');
    expect((await getJson(app, '/api/me/data')).status).toBe(401);
  });
});

describe('withdrawing', () => {
  it('before: residents and colleagues see what was consented', async () => {
    expect(found(await crawl({}), [C.family, C.ask, C.work, C.email])).toEqual([C.family, C.ask, C.work, C.email]);
    expect(await crawl({ cookie: otherPro })).toContain(C.mobile);
  });

  it('consents, the 06 number and the profile are withdrawn at once, everywhere', async () => {
    for (const field of ['ask_me_about', 'phone_work', 'email_work']) {
      const res = await app.inject({ method: 'DELETE', url: `/api/me/consents/${field}`, headers: { cookie: me } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const anon = await crawl({});
    expect(found(anon, [C.ask, C.work, C.email, C.mobile])).toEqual([]);
    expect(anon).toContain(C.family); // the profile itself is still public
    const mobile = await app.inject({ method: 'DELETE', url: '/api/me/mobile', headers: { cookie: me } });
    expect(mobile.statusCode).toBe(204);
    expect(await crawl({ cookie: otherPro })).not.toContain(C.mobile);
    const hide = await app.inject({ method: 'PUT', url: '/api/me/public-profile', payload: { public: false }, headers: { cookie: me } });
    expect(hide.statusCode, hide.body).toBe(200);
    expect(hide.json()).toMatchObject({ public_profile: false, public_fields: [] });
    expect(found(await crawl({}), Object.values(C))).toEqual([]);
    const data = await getJson(app, '/api/me/data', { cookie: me });
    expect(data.body.consents.every((c: { withdrawn_at: string | null }) => c.withdrawn_at !== null)).toBe(true);
    expect(data.body.person.phone_mobile).toBeNull();
    // Audited without the removed number.
    const rows = await t.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', personId)
      .where('action', 'in', ['consent.withdraw', 'person.mobile_removed', 'person.public_profile']).execute();
    expect(rows).toHaveLength(5);
    expect(JSON.stringify(rows)).not.toContain(C.mobile);
  });

  it('the two photo switches stay coherent: public needs internal, withdrawing internal withdraws public', async () => {
    const db = t.database.db;
    await db.updateTable('people').set({ photo_consent: false }).where('id', '=', personId).execute();
    const grant = await app.inject({ method: 'PUT', url: '/api/me/consents/photo', headers: { cookie: me } });
    expect(grant.json()).toMatchObject({ photo_internal: true });
    expect(grant.json().public_fields).toContain('photo');
    const off = await app.inject({ method: 'DELETE', url: '/api/me/consents/photo_internal', headers: { cookie: me } });
    expect(off.json()).toMatchObject({ photo_internal: false });
    expect(off.json().public_fields).not.toContain('photo');
  });

  it('an account without a person: the export says so, consents are 409; unknown field 400', async () => {
    const data = await getJson(app, '/api/me/data', { cookie: otherPro });
    expect(data.status).toBe(200);
    expect(data.body).toMatchObject({ person: null, memberships: [], consents: [], account: { email: 'ander@test.nl' } });
    expect(data.raw).not.toContain(C.family);
    expect((await app.inject({ method: 'PUT', url: '/api/me/consents/phone_mobile', headers: { cookie: me } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/me/consents/photo', headers: { cookie: otherPro } })).statusCode).toBe(409);
  });
});

describe('DELETE /api/me', () => {
  it('needs the own e-mail as confirmation', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/api/me', payload: { confirm: 'iemand@anders.nl' }, headers: { cookie: me } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/api/me', payload: {}, headers: { cookie: me } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/api/me', payload: { confirm: email } })).statusCode).toBe(401);
    expect((await getJson(app, '/api/me/data', { cookie: me })).status).toBe(200);
  });

  it('deletes account and person; no response and no audit row keeps a value; the rows stay', async () => {
    const db = t.database.db;
    // Make everything visible again first, so a leftover would show.
    for (const field of ['ask_me_about', 'phone_work', 'email_work']) await app.inject({ method: 'PUT', url: `/api/me/consents/${field}`, headers: { cookie: me } });
    await app.inject({ method: 'PUT', url: '/api/me/public-profile', payload: { public: true }, headers: { cookie: me } });
    const rowsBefore = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_account_id', '=', accountId).executeTakeFirstOrThrow();
    // A colleague once saw their number among others': the view stays on record, without them.
    const admin = await db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.admin.email).executeTakeFirstOrThrow();
    const colleague = await db.selectFrom('memberships').select('person_id').where('team_id', '=', teamId).where('person_id', '!=', personId).executeTakeFirstOrThrow();
    await auditMobileViews(db, { kind: 'admin', accountId: admin.id, personId: null, teamIds: [], organisationIds: [] }, [personId, colleague.person_id]);
    expect((await viewsOfMobile(db, personId)).length).toBeGreaterThan(0);

    const res = await app.inject({ method: 'DELETE', url: '/api/me', payload: { confirm: email.toUpperCase() }, headers: { cookie: me } });
    expect(res.statusCode, res.body).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/wijkweb_session=;/);

    const values = [...Object.values(C), email];
    expect(found(await crawl({}), values)).toEqual([]);
    expect(found(await crawl({ cookie: otherPro }), values)).toEqual([]);
    expect((await getJson(app, `/api/people/${personId}`, { cookie: otherPro })).status).toBe(404);
    expect((await getJson(app, '/api/me/data', { cookie: me })).status).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_ACCOUNTS.professional.password } });
    expect(login.statusCode).toBe(401);

    const audit = await db.selectFrom('audit_log').selectAll().execute();
    expect(found(JSON.stringify(audit), values)).toEqual([]);
    const rowsAfter = audit.filter((r) => r.actor_account_id === accountId);
    expect(rowsAfter.length).toBe(Number(rowsBefore.n) + 1);
    expect(rowsAfter.some((r) => r.action === 'account.delete')).toBe(true);
    expect(audit.some((r) => r.entity_id === personId && r.action === 'person.update')).toBe(true);
    // The colleague's own history is untouched.
    expect(JSON.stringify(audit)).toContain(OTHER);
    expect(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('viewed_people_sets').select('id').where(sql<boolean>`person_ids @> array[${personId}]::uuid[]`).execute()).toEqual([]);
    expect((await viewsOfMobile(db, colleague.person_id)).map((v) => v.actor_account_id)).toContain(admin.id);
    expect(await db.selectFrom('memberships').select('id').where('person_id', '=', personId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('sessions').select('id').where('account_id', '=', accountId).executeTakeFirst()).toBeUndefined();
  });
});
