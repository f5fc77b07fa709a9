// The change feed is read from the audit log the editing API writes: joining, a role change,
// leaving and a team's service area, newest first, with "nieuw in de wijk" on newcomers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIJK } from '../../seeds/demo/areas';
import { stableId } from '../../seeds/ids';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
let editor: string;
let professional: string;
const testStart = new Date().toISOString(); // what this file changes comes after
const team = stableId('team', 'wijkteam_oost'); // edited by the demo editor's organisation
const write = (method: 'POST' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: editor, origin: 'http://localhost:80', 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
const etag = async (url: string) => (await getJson(t.app, url, { cookie: editor })).headers.etag as string;
const feed = async (query = '') => getJson(t.app, `/api/areas/${WIJK.code}/changes${query}`, { cookie: professional });

beforeAll(async () => {
  t = await createTestApp();
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  professional = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
});
afterAll(async () => { await t?.close(); });

describe(`the wijk's change feed on ${TEST_BACKEND}`, () => {
  it('is for signed-in accounts only and knows its areas', async () => {
    expect((await getJson(t.app, `/api/areas/${WIJK.code}/changes`)).status).toBe(401);
    expect((await getJson(t.app, '/api/areas/WK99999999/changes', { cookie: professional })).status).toBe(404);
    expect((await getJson(t.app, `/api/areas/${WIJK.code}/changes?since=gisteren`, { cookie: professional })).status).toBe(400);
    // the demo's own recent changes (seeds/demo/recent-changes.ts) all lie before this test began
    expect((await feed(`?since=${encodeURIComponent(testStart)}`)).body.items).toEqual([]);
  });

  it('shows joining, a role change, leaving and service-area changes made through the editing API, newest first', async () => {
    // employed by the team's own organisation: its editor's membership is then current at once
    const employer = (await t.database.db.selectFrom('teams').select('organisation_id').where('id', '=', team).executeTakeFirstOrThrow()).organisation_id;
    const newcomer = await t.database.db.insertInto('people').values({ given_name: 'Noor', family_name: 'Nieuwkomer', job_title: 'Wijkcoach', organisation_id: employer })
      .returning('id').executeTakeFirstOrThrow();
    const created = await write('POST', '/api/memberships', { person_id: newcomer.id, team_id: team, role: 'wijkcoach' });
    expect(created.statusCode, created.body).toBe(201);
    const membership = created.json().id as string;
    const patched = await write('PATCH', `/api/memberships/${membership}`, { role: 'coördinator' }, { 'if-match': await etag(`/api/memberships/${membership}`) });
    expect(patched.statusCode, patched.body).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const ended = await write('POST', `/api/memberships/${membership}/end`, { until: today }, { 'if-match': await etag(`/api/memberships/${membership}`) });
    expect(ended.statusCode, ended.body).toBe(200);
    const before = (await getJson(t.app, `/api/teams/${team}`, { cookie: editor })).body;
    const areas: string[] = (await t.database.db.selectFrom('team_areas').select('area_code').where('team_id', '=', team).execute()).map((r) => r.area_code);
    const unserved = (await t.database.db.selectFrom('areas').select('code').where('kind', '=', 'buurt').where('parent_code', '=', WIJK.code).execute())
      .map((r) => r.code).find((c) => !areas.includes(c))!;
    expect(unserved, `team ${before.name} serves every buurt`).toBeDefined();
    const next = [...areas.slice(1), unserved];
    const moved = await write('PATCH', `/api/teams/${team}`, { areas: next }, { 'if-match': await etag(`/api/teams/${team}`) });
    expect(moved.statusCode, moved.body).toBe(200);

    const res = await feed(`?since=${encodeURIComponent(testStart)}`);
    expect(res.status, res.raw).toBe(200);
    const kinds = res.body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['started_serving', 'stopped_serving', 'left', 'role_changed', 'joined']);
    const [started, stopped, left, role, joined] = res.body.items;
    expect(started.buurten.map((b: { code: string }) => b.code)).toEqual([unserved]);
    expect(stopped.buurten.map((b: { code: string }) => b.code)).toEqual([areas[0]]);
    expect(started.team).toMatchObject({ id: team, team_type: 'social_district_team' });
    for (const e of [left, role, joined]) {
      expect(e.person).toMatchObject({ id: newcomer.id, name: 'Noor Nieuwkomer', shown_to: 'professionals' });
      expect(e.new_in_wijk).toBe(true); // until today: still a member today
    }
    expect(role).toMatchObject({ role: 'coördinator', previous_role: 'wijkcoach' });
    const times = res.body.items.map((i: { at: string }) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // a buurt's feed has its own changes; `since` after them leaves nothing
    const buurt = await getJson(t.app, `/api/areas/${unserved}/changes`, { cookie: professional });
    expect(buurt.body.items.map((i: { kind: string }) => i.kind)).toContain('started_serving');
    const later = await feed(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(later.body.items).toEqual([]);
  });

  it('marks as new only people whose first membership in the wijk began within 8 weeks', async () => {
    const db = t.database.db;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const recent = await db.insertInto('people').values({ given_name: 'Rik', family_name: 'Recent' }).returning('id').executeTakeFirstOrThrow();
    const old = await db.insertInto('people').values({ given_name: 'Olga', family_name: 'Oudgediende' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values([
      { person_id: recent.id, team_id: team, since: day(-20) },
      { person_id: old.id, team_id: team, since: day(-70) },
    ]).execute();
    const cookie = professional;
    const pack = (await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, { cookie })).body;
    const members = pack.teams.find((x: { id: string }) => x.id === team).members;
    expect(members.find((m: { person: { id: string } }) => m.person.id === recent.id).new_in_wijk).toBe(true);
    expect(members.find((m: { person: { id: string } }) => m.person.id === old.id).new_in_wijk).toBe(false);
    expect(members.filter((m: { new_in_wijk: boolean }) => m.new_in_wijk).length).toBeLessThan(members.length);
  });
});
