// Every view of someone's 06 number is on record: who saw whose number, when. Residents
// never see one (so leave no rows); looking at your own profile is not a view of another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { MOBILE_VIEW_ROWS_MAX } from '../../server/audit/audit.queries';

let t: TestApp;
let pro: string;
let proAccount: string;
let person: { id: string; team_id: string };
const views = (actor?: string) => {
  let q = t.database.db.selectFrom('audit_log').select(['actor_account_id', 'entity_id', 'action']).where('action', 'in', ['view_mobile', 'view_mobile_bulk']);
  if (actor) q = q.where('actor_account_id', '=', actor);
  return q.execute();
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
  it('are recorded per person for a professional, and never for a resident', async () => {
    await getJson(t.app, `/api/people/${person.id}`);
    await getJson(t.app, `/api/teams/${person.team_id}`);
    expect(await views()).toEqual([]);
    const res = await getJson(t.app, `/api/people/${person.id}`, { cookie: pro });
    expect(res.body.person.phone_mobile).toMatch(/^06/);
    expect(await views(proAccount)).toEqual([{ actor_account_id: proAccount, entity_id: person.id, action: 'view_mobile' }]);
    const team = await getJson(t.app, `/api/teams/${person.team_id}`, { cookie: pro });
    const shown = team.body.members.filter((m: { person: { phone_mobile?: string | null; id: string } }) => m.person.phone_mobile).map((m: { person: { id: string } }) => m.person.id);
    const rows = await views(proAccount);
    expect(rows.length).toBe(1 + shown.length);
    expect(new Set(rows.slice(1).map((r) => r.entity_id))).toEqual(new Set(shown));
  });

  it('leave out the viewer\'s own number', async () => {
    await createAccount(t.database.db, { email: 'eigen@example.org', password: 'een lang en sterk wachtwoord 42', role: 'professional', personId: person.id });
    const own = await signIn(t.app, 'eigen@example.org', 'een lang en sterk wachtwoord 42');
    const account = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', 'eigen@example.org').executeTakeFirstOrThrow()).id;
    await getJson(t.app, `/api/people/${person.id}`, { cookie: own });
    expect(await views(account)).toEqual([]);
  });

  it('are one summary row for a bulk export', async () => {
    const before = (await views(proAccount)).length;
    const csv = await t.app.inject({ method: 'GET', url: '/api/export/people.csv', headers: { cookie: pro } });
    expect(csv.statusCode).toBe(200);
    const mobiles = await t.database.db.selectFrom('people').select('id').where('phone_mobile', 'is not', null).where('phone_mobile_visibility', '=', 'professionals').execute();
    const rows = (await views(proAccount)).slice(before);
    if (mobiles.length > MOBILE_VIEW_ROWS_MAX) expect(rows.map((r) => r.action)).toEqual(['view_mobile_bulk']);
    else expect(rows.length).toBeGreaterThan(10);
  });
});
