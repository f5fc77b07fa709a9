// Every view of someone's 06 number is on record: who saw whose number, when. One row per
// answer, naming the person shown or the kept list of the people shown. Residents never see one (so leave no rows); looking
// at your own profile is not a view of another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { peopleInView, viewsOfMobile } from '../../server/audit/audit.queries';

let t: TestApp;
let pro: string;
let proAccount: string;
let person: { id: string; team_id: string };
const views = (actor?: string) => {
  let q = t.database.db.selectFrom('audit_log').select(['actor_account_id', 'entity_type', 'entity_id', 'action', 'meta']).where('action', 'in', ['view_mobile', 'view_mobile_bulk']);
  if (actor) q = q.where('actor_account_id', '=', actor);
  return q.orderBy('id').execute();
};

beforeAll(async () => {
  t = await createTestApp();
  pro = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  proAccount = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow()).id;
  person = await t.database.db.selectFrom('people as p').innerJoin('memberships as m', 'm.person_id', 'p.id')
    .select(['p.id', 'm.team_id']).where('p.phone_mobile', 'is not', null).where('p.phone_mobile_visibility', '=', 'professionals')
    .where('m.until', 'is', null).orderBy('p.id').executeTakeFirstOrThrow();
});
afterAll(async () => { await t?.close(); });

describe('views of 06 numbers', () => {
  it('are recorded, one row per answer naming everyone shown, for a professional, and never for a resident', async () => {
    await getJson(t.app, `/api/people/${person.id}`);
    await getJson(t.app, `/api/teams/${person.team_id}`);
    expect(await views()).toEqual([]);
    const res = await getJson(t.app, `/api/people/${person.id}`, { cookie: pro });
    expect(res.body.person.phone_mobile).toMatch(/^06/);
    expect(await views(proAccount)).toEqual([{ actor_account_id: proAccount, entity_type: 'person', entity_id: person.id, action: 'view_mobile', meta: { count: 1 } }]);
    const team = await getJson(t.app, `/api/teams/${person.team_id}`, { cookie: pro });
    const shown = team.body.members.filter((m: { person: { phone_mobile?: string | null; id: string } }) => m.person.phone_mobile).map((m: { person: { id: string } }) => m.person.id);
    expect(shown.length).toBeGreaterThan(1);
    const rows = await views(proAccount);
    expect(rows.length).toBe(2);
    expect(rows[1]!.entity_type).toBe('person_set');
    expect(await peopleInView(t.database.db, rows[1]!)).toEqual([...shown].sort());
    expect(rows[1]!.meta).toEqual({ count: shown.length });
    // Who saw this person's number, when: both answers, from the query and the admin log.
    expect((await viewsOfMobile(t.database.db, person.id)).map((v) => v.actor_account_id)).toEqual([proAccount, proAccount]);
    const other = shown.find((id: string) => id !== person.id)!;
    expect((await viewsOfMobile(t.database.db, other)).length).toBe(1);
    const admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const log = await getJson(t.app, `/api/admin/audit?person=${person.id}`, { cookie: admin });
    expect(log.status).toBe(200);
    expect(log.body.items.map((r: { actor_account_id: string; action: string }) => [r.actor_account_id, r.action])).toEqual([[proAccount, 'view_mobile'], [proAccount, 'view_mobile']]);
  });

  it('leave out the viewer\'s own number', async () => {
    await createAccount(t.database.db, { email: 'eigen@example.org', password: 'een lang en sterk wachtwoord 42', role: 'professional', personId: person.id });
    const own = await signIn(t.app, 'eigen@example.org', 'een lang en sterk wachtwoord 42');
    const account = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', 'eigen@example.org').executeTakeFirstOrThrow()).id;
    await getJson(t.app, `/api/people/${person.id}`, { cookie: own });
    expect(await views(account)).toEqual([]);
  });

  it('are one row for a bulk export, still naming every person shown', async () => {
    const before = (await views(proAccount)).length;
    const csv = await t.app.inject({ method: 'GET', url: '/api/export/people.csv', headers: { cookie: pro } });
    expect(csv.statusCode).toBe(200);
    const mobiles = await t.database.db.selectFrom('people').select('id').where('phone_mobile', 'is not', null).where('phone_mobile_visibility', '=', 'professionals').where('archived_at', 'is', null).execute();
    const rows = (await views(proAccount)).slice(before);
    expect(rows.map((r) => r.action)).toEqual(['view_mobile']);
    const listed = await peopleInView(t.database.db, rows[0]!);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed).toContain(person.id);
    const withMobile = new Set(mobiles.map((m) => m.id));
    expect(listed.every((id) => withMobile.has(id))).toBe(true);
  });
});
