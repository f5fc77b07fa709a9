// Teams are kept true by their own editors: PATCH with If-Match, no lost updates, no mass
// assignment, tenant scoping, archive and "klopt nog", each with an audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
let editor: string; // cookie of the demo editor (one organisation)
let admin: string;
let professional: string;
let ownTeam: { id: string; organisation_id: string };
let otherTeam: { id: string };

const write = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, origin: 'http://localhost:80', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, payload: body === undefined ? undefined : JSON.stringify(body) });

async function etag(url: string, cookie = editor): Promise<string> {
  const res = await getJson(t.app, url, { cookie });
  expect(res.status).toBe(200);
  return res.headers.etag as string;
}

beforeAll(async () => {
  // 20 writers at once: more than the default overload limit of a test pool lets through
  t = await createTestApp({ env: { MAX_IN_FLIGHT: '64' } });
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  professional = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  const scope = await t.database.db.selectFrom('account_scopes as s').innerJoin('accounts as a', 'a.id', 's.account_id')
    .select('s.organisation_id').where('a.email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow();
  ownTeam = await t.database.db.selectFrom('teams').select(['id', 'organisation_id']).where('organisation_id', '=', scope.organisation_id!).orderBy('name').executeTakeFirstOrThrow();
  otherTeam = await t.database.db.selectFrom('teams').select('id').where('organisation_id', '!=', scope.organisation_id!).orderBy('name').executeTakeFirstOrThrow();
});
afterAll(async () => { await t?.close(); });

describe(`editing a team on ${TEST_BACKEND}`, () => {
  it('changes the fields sent, returns the new record and ETag, and residents see it at once', async () => {
    const tag = await etag(`/api/teams/${ownTeam.id}`);
    const res = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { walk_in_hours: 'Dinsdag 9:00 tot 11:00 inloop' }, { 'if-match': tag });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().walk_in_hours).toBe('Dinsdag 9:00 tot 11:00 inloop');
    expect(res.headers.etag).not.toBe(tag);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    const resident = await getJson(t.app, `/api/teams/${ownTeam.id}`);
    expect(resident.body.walk_in_hours).toBe('Dinsdag 9:00 tot 11:00 inloop');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'team.update').where('entity_id', '=', ownTeam.id).execute();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.after as { walk_in_hours: string }).walk_in_hours).toBe('Dinsdag 9:00 tot 11:00 inloop');
  });

  it('needs If-Match (428) and refuses a stale one with the current record (412)', async () => {
    const missing = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: 'x' });
    expect(missing.statusCode).toBe(428);
    const tag = await etag(`/api/teams/${ownTeam.id}`);
    const first = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: 'Eerste' }, { 'if-match': tag });
    expect(first.statusCode).toBe(200);
    const stale = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: 'Tweede' }, { 'if-match': tag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.description).toBe('Eerste');
    expect(stale.headers.etag).toBe(first.headers.etag);
  });

  it.each([2, 20])('lets exactly one of %i parallel PATCHes with the same If-Match win', async (n) => {
    const tag = await etag(`/api/teams/${ownTeam.id}`);
    const results = await Promise.all(Array.from({ length: n }, (_, i) =>
      write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: `Versie ${n}-${i}` }, { 'if-match': tag })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(n - 1);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const stored = await getJson(t.app, `/api/teams/${ownTeam.id}`);
    expect(stored.body.description).toBe(winner.description);
  });

  it('makes the old ETag stale when a member changes', async () => {
    const tag = await etag(`/api/teams/${ownTeam.id}`);
    const member = await t.database.db.selectFrom('memberships').select('id').where('team_id', '=', ownTeam.id).orderBy('id').executeTakeFirstOrThrow();
    await t.database.db.updateTable('memberships').set({ role: 'coördinator' }).where('id', '=', member.id).execute();
    expect(await etag(`/api/teams/${ownTeam.id}`)).not.toBe(tag);
    const res = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: 'x' }, { 'if-match': tag });
    expect(res.statusCode).toBe(412);
  });

  it('refuses unknown fields, fields the caller may not set, and bad values, changing nothing', async () => {
    const before = await getJson(t.app, `/api/teams/${ownTeam.id}`, { cookie: editor });
    const tag = before.headers.etag as string;
    for (const [body, field] of [
      [{ name: 'Nieuw', colour: 'red' }, 'colour'],
      [{ version: 99 }, 'version'],
      [{ last_verified_at: '2020-01-01' }, 'last_verified_at'],
      [{ organisation_id: otherTeam.id }, 'organisation_id'],
      [{ areas: ['WK034401'] }, 'areas'],
      [{ areas: ['BU99999999'] }, 'areas'],
      [{ topics: ['no_such_topic'] }, 'topics'],
      [{ team_type: 'no_such_type' }, 'team_type'],
      [{ public_email: 'geen-mail' }, 'public_email'],
      [{}, 'body'],
    ] as const) {
      const res = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, body, { 'if-match': tag });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().details), JSON.stringify(body)).toContain(field);
    }
    const wrongType = await t.app.inject({ method: 'PATCH', url: `/api/teams/${ownTeam.id}`, headers: { cookie: editor, origin: 'http://localhost:80', 'content-type': 'text/plain', 'if-match': tag }, payload: 'name=x' });
    expect(wrongType.statusCode).toBe(415);
    const huge = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { description: 'x'.repeat(2 * 1024 * 1024) }, { 'if-match': tag });
    expect(huge.statusCode).toBe(413);
    const after = await getJson(t.app, `/api/teams/${ownTeam.id}`, { cookie: editor });
    expect(after.body).toEqual(before.body);
  });

  it('keeps editors to their own organisation, and residents and professionals out', async () => {
    const tag = await etag(`/api/teams/${otherTeam.id}`);
    expect((await write('PATCH', `/api/teams/${otherTeam.id}`, editor, { description: 'x' }, { 'if-match': tag })).statusCode).toBe(403);
    expect((await write('PATCH', `/api/teams/${ownTeam.id}`, professional, { description: 'x' }, { 'if-match': tag })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'PATCH', url: `/api/teams/${ownTeam.id}`, headers: { 'content-type': 'application/json', 'if-match': tag }, payload: '{"description":"x"}' });
    expect(anonymous.statusCode).toBe(401);
    const byAdmin = await write('PATCH', `/api/teams/${otherTeam.id}`, admin, { description: 'Door de beheerder' }, { 'if-match': tag });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('sets the service area to the buurten ticked, and the area pages follow', async () => {
    const team = await getJson(t.app, `/api/teams/${ownTeam.id}`, { cookie: editor });
    const [dropped, ...kept] = team.body.areas as string[];
    expect(dropped).toBeDefined();
    const untick = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { areas: kept }, { 'if-match': team.headers.etag as string });
    expect(untick.statusCode, untick.body).toBe(200);
    expect(untick.json().areas).toEqual(kept);
    expect((await getJson(t.app, `/api/areas/${dropped}`)).body.teams.map((x: { id: string }) => x.id)).not.toContain(ownTeam.id);
    const tick = await write('PATCH', `/api/teams/${ownTeam.id}`, editor, { areas: [...kept, dropped] }, { 'if-match': untick.headers.etag as string });
    expect(tick.statusCode, tick.body).toBe(200);
    expect((await getJson(t.app, `/api/areas/${dropped}`)).body.teams.map((x: { id: string }) => x.id)).toContain(ownTeam.id);
  });

  it('creates a team in the own organisation only, and archives it', async () => {
    const body = { name: 'Buurtteam Test', team_type: 'social_district_team', organisation_id: ownTeam.organisation_id, topics: ['debts'] };
    const created = await write('POST', '/api/teams', editor, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await write('POST', '/api/teams', editor, { ...body, organisation_id: (await t.database.db.selectFrom('teams').select('organisation_id').where('id', '=', otherTeam.id).executeTakeFirstOrThrow()).organisation_id })).statusCode).toBe(403);
    const archived = await write('DELETE', `/api/teams/${id}`, editor, undefined, { 'if-match': created.headers.etag as string });
    expect(archived.statusCode).toBe(204);
    expect((await getJson(t.app, `/api/teams/${id}`)).status).toBe(404);
  });

  it('records "klopt nog" with who and when', async () => {
    const tag = await etag(`/api/teams/${ownTeam.id}`);
    const res = await write('POST', `/api/teams/${ownTeam.id}/verify`, editor, undefined, { 'if-match': tag });
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.now() - Date.parse(res.json().last_verified_at)).toBeLessThan(60_000);
    const row = await t.database.db.selectFrom('teams as t').innerJoin('accounts as a', 'a.id', 't.last_verified_by')
      .select('a.email').where('t.id', '=', ownTeam.id).executeTakeFirstOrThrow();
    expect(row.email).toBe(DEMO_ACCOUNTS.editor.email);
  });
});
