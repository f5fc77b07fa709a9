// People are kept true by their team's editors and by themselves: editors change fields,
// only the person publishes anything to residents, leaving a team hands over the contact
// role, and every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';

let t: TestApp;
let editor: string;
let member: { person_id: string; team_id: string }; // someone in a team of the editor's organisation
let self: string; // that person, signed in

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, body?: unknown, etag?: string) =>
  t.app.inject({ method, url, headers: { cookie, ...(etag ? { 'if-match': etag } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, payload: body === undefined ? undefined : JSON.stringify(body) });
const etagOf = async (url: string, cookie: string) => (await getJson(t.app, url, { cookie })).headers.etag as string;

beforeAll(async () => {
  t = await createTestApp();
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  member = await t.database.db.selectFrom('memberships as m').innerJoin('teams as tm', 'tm.id', 'm.team_id').innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.team_id']).where('tm.organisation_id', '=', DEMO_EDITOR_ORGANISATION).where('m.until', 'is', null)
    .where('p.organisation_id', '=', DEMO_EDITOR_ORGANISATION).where('p.public_profile', '=', false).orderBy('m.person_id').executeTakeFirstOrThrow();
  await createAccount(t.database.db, { email: 'zelf@example.org', password: 'een lang en sterk wachtwoord 42', role: 'professional', personId: member.person_id });
  self = await signIn(t.app, 'zelf@example.org', 'een lang en sterk wachtwoord 42');
});
afterAll(async () => { await t?.close(); });

describe(`editing people on ${TEST_BACKEND}`, () => {
  it('an editor changes a colleague\'s job title; the answer carries the new version', async () => {
    const url = `/api/people/${member.person_id}`;
    const res = await send('PATCH', url, editor, { job_title: 'Wijkcoach' }, await etagOf(url, editor));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().person.job_title).toBe('Wijkcoach');
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    const audit = await t.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'person.update').where('entity_id', '=', member.person_id).executeTakeFirstOrThrow();
    expect((audit.after as { job_title: string }).job_title).toBe('Wijkcoach');
  });

  it('only the person publishes: an editor may not, the person may, and withdrawing hides it at once', async () => {
    const url = `/api/people/${member.person_id}`;
    const refused = await send('PATCH', url, editor, { public_profile: true, published: ['phone_work'] }, await etagOf(url, editor));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['public_profile', 'published']);
    expect((await getJson(t.app, url)).status).toBe(404);

    const own = await send('PATCH', url, self, { public_profile: true, phone_work: '074-7654321', published: ['phone_work'] }, await etagOf(url, self));
    expect(own.statusCode, own.body).toBe(200);
    const resident = await getJson(t.app, url);
    expect(resident.status).toBe(200);
    expect(resident.body.person.phone_work).toBe('074-7654321');
    const consent = await t.database.db.selectFrom('person_consents').select(['granted_at', 'withdrawn_at']).where('person_id', '=', member.person_id).where('field', '=', 'phone_work').executeTakeFirstOrThrow();
    expect(consent.withdrawn_at).toBeNull();

    // anyone who may edit may withdraw
    const withdrawn = await send('PATCH', url, editor, { published: [] }, await etagOf(url, editor));
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await getJson(t.app, url)).body.person.phone_work).toBeNull();
    expect(JSON.stringify((await getJson(t.app, `/api/teams/${member.team_id}`)).body)).not.toContain('074-7654321');
  });

  it('keeps others out: a professional who is not the person, and an editor of another organisation', async () => {
    const url = `/api/people/${member.person_id}`;
    const pro = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    expect((await send('PATCH', url, pro, { job_title: 'x' }, await etagOf(url, pro))).statusCode).toBe(403);
    const otherOrg = await t.database.db.selectFrom('organisations').select('id').where('id', '!=', DEMO_EDITOR_ORGANISATION).orderBy('name').executeTakeFirstOrThrow();
    await createAccount(t.database.db, { email: 'ander@example.org', password: 'een lang en sterk wachtwoord 42', role: 'editor', scopes: [{ organisationId: otherOrg.id }] });
    const other = await signIn(t.app, 'ander@example.org', 'een lang en sterk wachtwoord 42');
    expect((await send('PATCH', url, other, { job_title: 'x' }, await etagOf(url, other))).statusCode).toBe(403);
    expect((await send('PATCH', url, editor, { job_title: 'x', version: 3 }, await etagOf(url, editor))).statusCode).toBe(400);
  });

  it('adds a colleague to an own team, and leaving hands the contact role to the successor', async () => {
    const created = await send('POST', '/api/people', editor, { given_name: 'Noor', family_name: 'Nieuwkomer', job_title: 'Wijkcoach', team_id: member.team_id });
    expect(created.statusCode, created.body).toBe(201);
    const newcomer = created.json().person.id as string;
    const contact = await t.database.db.selectFrom('memberships').select(['id', 'person_id']).where('team_id', '=', member.team_id).where('is_contact_person', '=', true).where('until', 'is', null).executeTakeFirst()
      ?? await t.database.db.updateTable('memberships').set({ is_contact_person: true }).where('person_id', '=', member.person_id).where('team_id', '=', member.team_id).returning(['id', 'person_id']).executeTakeFirstOrThrow();
    const url = `/api/memberships/${contact.id}`;
    const end = await send('POST', `${url}/end`, editor, { until: '2026-12-31', successor_person_id: newcomer }, await etagOf(url, editor));
    expect(end.statusCode, end.body).toBe(200);
    const contacts = await t.database.db.selectFrom('memberships').select('person_id').where('team_id', '=', member.team_id).where('is_contact_person', '=', true).execute();
    expect(contacts.map((c) => c.person_id)).toEqual([newcomer]);
    const strangerEnd = await send('POST', `${url}/end`, editor, { until: '2026-12-31', successor_person_id: '00000000-0000-4000-8000-000000000000' }, await etagOf(url, editor));
    expect(strangerEnd.statusCode).toBe(400);
  });

  it('archiving someone ends their memberships, and they disappear from the team', async () => {
    const created = await send('POST', '/api/people', editor, { given_name: 'Tijdelijk', family_name: 'Lid', team_id: member.team_id });
    const id = created.json().person.id as string;
    const res = await send('DELETE', `/api/people/${id}`, editor, undefined, created.headers.etag as string);
    expect(res.statusCode, res.body).toBe(204);
    const team = await getJson(t.app, `/api/teams/${member.team_id}`, { cookie: editor });
    expect(team.body.members.map((m: { person: { id: string } }) => m.person.id)).not.toContain(id);
  });
});
