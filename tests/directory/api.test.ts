// The read API on the demo wijk: shapes, filters and paging of every directory endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
const get = (url: string) => getJson(t.app, url);

describe('health and docs', () => {
  it('reports which database runs', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: TEST_BACKEND });
  });

  it('documents every API route in OpenAPI', async () => {
    const res = await get('/docs/json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const route of t.app.printRoutes({ commonPrefix: false }).split('\n')) void route;
    for (const p of ['/api/health', '/api/areas', '/api/areas/{code}', '/api/organisations', '/api/organisations/{id}',
      '/api/teams', '/api/teams/{id}', '/api/people', '/api/people/{id}', '/api/topics', '/api/team-types', '/api/map/markers', '/api/map/boundaries']) {
      expect(paths).toContain(p);
    }
    expect((await t.app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});

describe('areas', () => {
  it('lists gemeente, wijk and buurten with parents', async () => {
    const { body } = await get('/api/areas');
    const kinds = body.items.map((a: { kind: string }) => a.kind);
    expect(kinds.filter((k: string) => k === 'buurt').length).toBeGreaterThanOrEqual(6);
    expect(kinds).toContain('wijk');
    expect(kinds).toContain('gemeente');
    const buurten = (await get('/api/areas?kind=buurt')).body.items;
    expect(buurten.every((b: { parent_code: string }) => b.parent_code.startsWith('WK'))).toBe(true);
  });

  it('gives a buurt with its boundary and the teams serving it, first contact first', async () => {
    const buurt = (await get('/api/areas?kind=buurt')).body.items[0];
    const { status, body } = await get(`/api/areas/${buurt.code}`);
    expect(status).toBe(200);
    expect(body.geometry.type).toMatch(/Polygon/);
    expect(body.bbox).toHaveLength(4);
    expect(body.parent.kind).toBe('wijk');
    expect(body.teams.length).toBeGreaterThan(3);
    const order = ['first_contact', 'care', 'welfare', 'informal', 'other'];
    const ranks = body.teams.map((team: { category: string }) => order.indexOf(team.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(body.teams[0].category).toBe('first_contact');
  });

  it('gives a wijk the teams of all its buurten', async () => {
    const wijk = (await get('/api/areas?kind=wijk')).body.items[0];
    const { body } = await get(`/api/areas/${wijk.code}`);
    expect(body.children.length).toBeGreaterThanOrEqual(6);
    const teams = (await get('/api/teams?per_page=100')).body;
    expect(body.teams.length).toBe(teams.total);
  });
});

describe('teams', () => {
  it('lists teams with their organisation, topics, areas and locations', async () => {
    const { body } = await get('/api/teams?per_page=5');
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThanOrEqual(25);
    const team = body.items[0];
    expect(team).toMatchObject({ id: expect.any(String), name: expect.any(String), team_type: expect.any(String), organisation: { id: expect.any(String), name: expect.any(String) } });
    expect(team.topics.length).toBeGreaterThan(0);
    expect(team.areas.length).toBeGreaterThan(0);
  });

  it('pages without overlap', async () => {
    const one = (await get('/api/teams?per_page=10&page=1')).body.items.map((x: { id: string }) => x.id);
    const two = (await get('/api/teams?per_page=10&page=2')).body.items.map((x: { id: string }) => x.id);
    expect(one.filter((id: string) => two.includes(id))).toEqual([]);
  });

  it('filters by type, topic, area, name and map view', async () => {
    const gps = (await get('/api/teams?type=gp_practice')).body;
    expect(gps.total).toBeGreaterThanOrEqual(4);
    expect(gps.items.every((x: { team_type: string }) => x.team_type === 'gp_practice')).toBe(true);
    const two = (await get('/api/teams?type=gp_practice,police&per_page=100')).body;
    expect(two.total).toBeGreaterThan(gps.total);
    const debts = (await get('/api/teams?topic=debts')).body;
    expect(debts.items.every((x: { topics: string[] }) => x.topics.includes('debts'))).toBe(true);
    expect(debts.items.map((x: { team_type: string }) => x.team_type)).toContain('debt_counselling');
    const buurt = (await get('/api/areas?kind=buurt')).body.items[0].code;
    const serving = (await get(`/api/teams?area=${buurt}&per_page=100`)).body;
    expect(serving.items.every((x: { areas: string[] }) => x.areas.includes(buurt))).toBe(true);
    const named = (await get(`/api/teams?q=${encodeURIComponent(gps.items[0].name.slice(0, 8))}`)).body;
    expect(named.items.map((x: { id: string }) => x.id)).toContain(gps.items[0].id);
    const loc = gps.items[0].locations[0];
    const near = (await get(`/api/teams?bbox=${loc.lon - 0.0005},${loc.lat - 0.0005},${loc.lon + 0.0005},${loc.lat + 0.0005}`)).body;
    expect(near.items.map((x: { id: string }) => x.id)).toContain(gps.items[0].id);
    expect(near.total).toBeLessThan(serving.total + 30);
  });

  it('shows a team with members as faces and an ETag', async () => {
    const wijkteam = (await get('/api/teams?type=social_district_team')).body.items[0];
    const res = await get(`/api/teams/${wijkteam.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body.members.length).toBeGreaterThan(0);
    for (const m of res.body.members) {
      expect(m.person.public_profile).toBe(true);
      expect(m.person.initials).toMatch(/^[A-Z]{1,2}$/);
    }
    expect(res.body.locations[0].address).toMatch(/\d{4} [A-Z]{2}/);
    expect(res.body.service_areas.length).toBeGreaterThan(0);
  });
});

describe('organisations, people, taxonomy, map', () => {
  it('lists organisations and shows one with its teams', async () => {
    const list = (await get('/api/organisations')).body;
    expect(list.total).toBeGreaterThanOrEqual(12);
    const withTeams = list.items.find((o: { team_count: number }) => o.team_count > 1);
    const detail = (await get(`/api/organisations/${withTeams.id}`)).body;
    expect(detail.teams).toHaveLength(withTeams.team_count);
  });

  it('lists people who opted in, with their teams', async () => {
    const people = (await get('/api/people?per_page=100')).body;
    expect(people.total).toBeGreaterThan(30);
    const detail = (await get(`/api/people/${people.items[0].id}`)).body;
    expect(detail.memberships.length).toBeGreaterThan(0);
    expect(detail.person.name).toBe(`${detail.person.given_name} ${detail.person.family_name}`);
  });

  it('serves the taxonomy with Dutch and English labels and synonyms', async () => {
    const topics = (await get('/api/topics')).body.items;
    const debts = topics.find((x: { key: string }) => x.key === 'debts');
    expect(debts.label_nl).toBe('Schulden en geldzorgen');
    expect(debts.synonyms).toContain('geldzorgen');
    const types = (await get('/api/team-types')).body.items;
    expect(types.find((x: { key: string }) => x.key === 'social_district_team').category).toBe('first_contact');
  });

  it('serves compact markers with an ETag and answers 304 when unchanged', async () => {
    const res = await t.app.inject('/api/map/markers');
    const body = res.json();
    expect(body.fields).toEqual(['lat', 'lon', 'team_id', 'team_type', 'team_name', 'location_id']);
    expect(body.items.length).toBeGreaterThanOrEqual(25);
    const again = await t.app.inject({ url: '/api/map/markers', headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    const gps = (await t.app.inject('/api/map/markers?type=gp_practice')).json();
    expect(gps.items.every((m: unknown[]) => m[3] === 'gp_practice')).toBe(true);
    const none = (await t.app.inject('/api/map/markers?bbox=0,0,1,1')).json();
    expect(none.items).toEqual([]);
  });

  it('serves buurt boundaries as GeoJSON', async () => {
    const fc = (await t.app.inject('/api/map/boundaries?kind=buurt')).json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThanOrEqual(6);
    expect(fc.features[0].properties.kind).toBe('buurt');
  });
});
