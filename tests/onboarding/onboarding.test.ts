// Kennismaken: the pack orders teams by the data file for every demo team type, shows people
// only as the caller may see them, and "met" marks stay the marking account's alone — a
// crawl of every GET route as other accounts and residents finds no trace of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEET_FIRST } from '../../server/domain/kennismaken';
import type { TeamTypeKey } from '../../server/domain/team-types';
import { WIJK } from '../../seeds/demo/areas';
import { DEMO_PROFESSIONAL_TEAM } from '../../seeds/demo/accounts';
import { isCurrentOn } from '../../server/domain/membership';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, sessionCookieFrom } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';
import { checkEverythingAgain } from '../helpers/review-fixture';

let t: TestApp;
let ip = 0;
/** Sign-in from its own address each time: the per-IP login limit is not under test here. */
async function login(email: string, password = 'correct horse battery staple'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: `10.9.${Math.floor(++ip / 200)}.${ip % 200}` });
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return cookie;
}
const send = (method: 'PUT' | 'DELETE', url: string, cookie: string) =>
  t.app.inject({ method, url, headers: { cookie, origin: 'http://localhost:80' } });

/** One person per team type whose only current memberships are in teams of that type. */
async function personPerTeamType(): Promise<Map<string, string>> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = await t.database.db.selectFrom('memberships as m').innerJoin('teams as tm', 'tm.id', 'm.team_id')
    .select(['m.person_id', 'm.since', 'm.until', 'tm.team_type']).where('tm.archived_at', 'is', null).orderBy('m.person_id').execute();
  const typesOf = new Map<string, Set<string>>();
  for (const r of rows.filter((r) => isCurrentOn(r, today))) typesOf.set(r.person_id, (typesOf.get(r.person_id) ?? new Set()).add(r.team_type));
  const out = new Map<string, string>();
  for (const [person, types] of typesOf) if (types.size === 1 && !out.has([...types][0]!)) out.set([...types][0]!, person);
  return out;
}

beforeAll(async () => { t = await createTestApp(); await checkEverythingAgain(t.database.db); });
afterAll(async () => { await t?.close(); });

describe(`the kennismaken pack on ${TEST_BACKEND}`, () => {
  it('lists, for every demo team type, the team types of server/domain/kennismaken.ts first, in that order', async () => {
    const people = await personPerTeamType();
    expect(people.size).toBeGreaterThan(15);
    for (const [type, personId] of people) {
      const email = `kennis-${type}@test.invalid`;
      await createAccount(t.database.db, { email, role: 'professional', personId });
      const res = await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, { cookie: await login(email) });
      expect(res.status, res.raw).toBe(200);
      const expected = MEET_FIRST[type as TeamTypeKey] ?? MEET_FIRST.default;
      expect(res.body.own_team_types).toEqual([type]);
      expect(res.body.meet_first).toEqual([...expected]);
      const types: string[] = res.body.teams.map((x: { team_type: string }) => x.team_type);
      const ranks = types.map((ty) => { const i = expected.indexOf(ty as TeamTypeKey); return i < 0 ? Infinity : i; });
      expect(ranks, `${type}: ${types.join(', ')}`).toEqual([...ranks].sort((a, b) => a - b));
      // every listed type present in the wijk shows up (the order above is then the file's order)
      const serving = (await getJson(t.app, `/api/areas/${WIJK.code}`)).body.teams.map((x: { team_type: string }) => x.team_type);
      const present = expected.filter((ty) => serving.includes(ty) && types.includes(ty));
      expect([...new Set(types)].slice(0, present.length)).toEqual(present);
      expect(res.body.teams.every((x: { priority: boolean; team_type: string }) => x.priority === expected.includes(x.team_type as TeamTypeKey))).toBe(true);
    }
  });

  it('puts the huisartsen, jeugd- en gezinsteam and FACT first for a wijkteam member, and shows people as a professional sees them', async () => {
    const cookie = await login(DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    const res = await getJson(t.app, '/api/me/kennismaken', { cookie });
    expect(res.status).toBe(200);
    expect(res.body.area_source).toBe('teams');
    expect(res.body.area.code).toBe(WIJK.code);
    expect(res.body.teams[0].team_type).toBe('gp_practice');
    const members = res.body.teams.flatMap((x: { members: { person: { shown_to: string } }[] }) => x.members);
    expect(members.length).toBeGreaterThan(20);
    // shaped for a professional outside these teams: no team-level notes
    expect(members.every((m: { person: { shown_to: string; private_notes?: unknown } }) => m.person.shown_to === 'professionals' && m.person.private_notes === null)).toBe(true);
    expect(res.body.teams.some((x: { id: string }) => x.id === DEMO_PROFESSIONAL_TEAM)).toBe(false);
    expect(res.body.progress.find((p: { team_type: string }) => p.team_type === 'gp_practice')).toMatchObject({ met: 0 });
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    expect(res.body.suggestions[0].reason).toBe('relevant_team');
  });

  it('needs sign-in, a known area, and asks for a wijk when none is known', async () => {
    expect((await getJson(t.app, '/api/me/kennismaken')).status).toBe(401);
    await createAccount(t.database.db, { email: 'no-team@test.invalid', role: 'professional' });
    const cookie = await login('no-team@test.invalid');
    expect((await getJson(t.app, '/api/me/kennismaken?area=WK99999999', { cookie })).status).toBe(404);
    const none = await getJson(t.app, '/api/me/kennismaken', { cookie });
    expect(none.body).toMatchObject({ area: null, teams: [] });
    const chose = await t.app.inject({ method: 'PUT', url: '/api/me/home-area', headers: { cookie, origin: 'http://localhost:80' }, payload: { area: WIJK.code } });
    expect(chose.statusCode, chose.body).toBe(200);
    const after = await getJson(t.app, '/api/me/kennismaken', { cookie });
    expect(after.body.area_source).toBe('chosen');
    expect(after.body.teams.length).toBeGreaterThan(10);
  });
});

describe(`"met" marks are private on ${TEST_BACKEND}`, () => {
  let marker: string;
  let marked: string[];

  beforeAll(async () => {
    await createAccount(t.database.db, { email: 'marker@test.invalid', role: 'professional' });
    marker = await login('marker@test.invalid');
    const pack = (await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, { cookie: marker })).body;
    marked = pack.teams.flatMap((x: { members: { person: { id: string } }[] }) => x.members.map((m) => m.person.id)).slice(0, 3);
    for (const id of marked) expect((await send('PUT', `/api/me/met/${id}`, marker)).statusCode).toBe(204);
  });

  it('marks, counts and unmarks for the marking account', async () => {
    const pack = (await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, { cookie: marker })).body;
    const met = pack.teams.flatMap((x: { members: { met: boolean; person: { id: string } }[] }) => x.members.filter((m) => m.met).map((m) => m.person.id));
    expect(new Set(met)).toEqual(new Set(marked));
    expect(pack.progress.reduce((n: number, p: { met: number }) => n + p.met, 0)).toBe(3);
    expect((await send('PUT', `/api/me/met/${marked[0]}`, marker)).statusCode).toBe(204); // idempotent
    expect((await send('DELETE', `/api/me/met/${marked[0]}`, marker)).statusCode).toBe(204);
    expect((await send('PUT', `/api/me/met/${marked[0]}`, marker)).statusCode).toBe(204);
    expect((await send('PUT', '/api/me/met/00000000-0000-4000-8000-000000000000', marker)).statusCode).toBe(404);
    expect((await send('PUT', `/api/me/met/${marked[0]}`, '')).statusCode).toBe(401);
  });

  it('never shows in any GET route for another professional, an editor, an admin or a resident', async () => {
    const stamps = (await t.database.db.selectFrom('met_marks').select('marked_at').execute()).map((r) => String(r.marked_at));
    expect(stamps.length).toBeGreaterThanOrEqual(3);
    await createAccount(t.database.db, { email: 'other-pro@test.invalid', role: 'professional' });
    const audiences: Record<string, Record<string, string>> = {
      other_professional: { cookie: await login('other-pro@test.invalid') },
      demo_professional: { cookie: await login(DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password) },
      editor: { cookie: await login(DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password) },
      admin: { cookie: await login(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password) },
      resident: {},
      marker_elsewhere: { cookie: marker },
    };
    const docs = (await getJson(t.app, '/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const person = marked[0]!;
    const db = t.database.db;
    const membership = await db.selectFrom('memberships').select(['id', 'team_id']).where('person_id', '=', person).executeTakeFirstOrThrow();
    const team = await db.selectFrom('teams').select(['id', 'organisation_id']).where('id', '=', membership.team_id).executeTakeFirstOrThrow();
    const location = await db.selectFrom('locations').select('id').executeTakeFirstOrThrow();
    const idFor = (path: string) => path.startsWith('/api/teams') || path.startsWith('/hsds/services') ? team.id
      : path.startsWith('/api/organisations') || path.startsWith('/hsds/organizations') ? team.organisation_id
      : path.startsWith('/api/locations') ? location.id : path.startsWith('/api/memberships') ? membership.id : person;
    const gets = Object.entries(docs.paths).filter(([, ops]) => 'get' in ops).map(([p]) => p);
    expect(gets).toContain('/api/me/kennismaken');
    expect(gets).toContain('/api/areas/{code}/changes');
    let crawled = 0;
    for (const [who, headers] of Object.entries(audiences)) {
      for (const path of gets) {
        if (path.startsWith('/docs')) continue;
        if (who === 'marker_elsewhere' && path === '/api/me/kennismaken') continue;
        const url = path.replace('{code}', WIJK.code).replace(/\{[a-z_]+\}/g, idFor(path));
        const res = await t.app.inject({ method: 'GET', url, headers });
        crawled += 1;
        expect(res.statusCode, `${who} GET ${url}`).not.toBe(500);
        for (const stamp of stamps) expect(res.body, `${who} GET ${url}`).not.toContain(stamp);
        expect(res.body, `${who} GET ${url}`).not.toMatch(/"met"\s*:\s*true/);
        expect(res.body, `${who} GET ${url}`).not.toMatch(/met_marks|"action"\s*:\s*"[^"]*met/);
      }
      if (who.endsWith('professional') || who === 'editor' || who === 'admin') {
        const pack = (await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, headers)).body;
        expect(JSON.stringify(pack)).not.toMatch(/"met":true/);
      }
    }
    expect(crawled).toBeGreaterThan(100);
  });

  it('goes with the account: deleting the account deletes its marks', async () => {
    const id = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', 'marker@test.invalid').executeTakeFirstOrThrow()).id;
    await t.database.db.deleteFrom('sessions').where('account_id', '=', id).execute();
    await t.database.db.deleteFrom('accounts').where('id', '=', id).execute();
    expect(await t.database.db.selectFrom('met_marks').select('person_id').where('account_id', '=', id).execute()).toHaveLength(0);
  });
});
