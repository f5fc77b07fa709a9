// Service data over the API, on the demo wijk with a controllable clock: the residents' filters
// on search and the team list (each result says why it matches), and editing a team's and a
// location's service data with If-Match, where an unchanged list leaves the version alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, getJson } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';
import { stableId } from '../../seeds/ids';
import type { Database } from '../../server/db/database';
import type { FastifyInstance } from 'fastify';

let database: Database;
let app: FastifyInstance;
let now = new Date('2026-12-08T09:00:00Z'); // Tuesday 10:00 in Amsterdam
let admin: string;
const team = (key: string) => stableId('team', key);

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { beforeReady: (a) => { a.clock = () => now; } });
  admin = await signIn(app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
});
afterAll(async () => { await app?.close(); await database?.close(); });

const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe(`residents' filters on ${TEST_BACKEND}`, () => {
  it('Nu open and Gratis on "schulden": only teams open now and free, each saying why', async () => {
    const all = await getJson(app, '/api/search?q=schulden&kind=team&per_page=50');
    expect(names(all.body.items)).toEqual(expect.arrayContaining(['Schuldhulpverlening Lindeburg', 'Sociaal Wijkteam West', 'Sociaal Wijkteam Centrum']));
    const res = await getJson(app, '/api/search?q=schulden&open_now=1&free=1');
    expect(res.status).toBe(200);
    expect(names(res.body.items).sort()).toEqual(['Schuldhulpverlening Lindeburg', 'Sociaal Wijkteam Centrum']);
    expect(res.body.total).toBe(2);
    for (const item of res.body.items) {
      expect(item.kind).toBe('team');
      expect(item.matches.map((m: { nl: string }) => m.nl)).toEqual(['open tot 12.00', 'gratis']);
    }
    // Wednesday afternoon: someone else is open
    now = new Date('2026-12-09T13:00:00Z');
    const wednesday = await getJson(app, '/api/search?q=schulden&open_now=1');
    expect(names(wednesday.body.items)).not.toContain('Schuldhulpverlening Lindeburg');
    now = new Date('2026-12-08T09:00:00Z');
  });

  it('Christmas closes the gemeente\'s teams', async () => {
    now = new Date('2026-12-18T09:00:00Z'); // the Friday before: open
    expect(names((await getJson(app, '/api/search?q=schulden&open_now=1')).body.items)).toContain('Sociaal Wijkteam West');
    now = new Date('2026-12-25T09:00:00Z'); // Friday, Christmas Day
    const res = await getJson(app, '/api/search?q=schulden&open_now=1');
    expect(names(res.body.items)).not.toContain('Sociaal Wijkteam West');
    now = new Date('2026-12-08T09:00:00Z');
  });

  it('filters on an age, a language, no referral and wheelchair access', async () => {
    const young = await getJson(app, `/api/teams?age=15&per_page=100`);
    const ids = young.body.items.map((t: { id: string }) => t.id);
    expect(ids).toContain(team('jongerenwerk'));
    expect(ids).not.toContain(team('ouderenadvies'));
    expect(young.body.items.find((t: { id: string }) => t.id === team('jongerenwerk')).matches).toEqual([{ filter: 'age', nl: 'voor 12 tot en met 23 jaar', en: 'for ages 12 to 23' }]);

    const arabic = await getJson(app, '/api/teams?topic=debts&language=ar&per_page=100');
    const why = Object.fromEntries(arabic.body.items.map((t: { id: string; matches: Array<{ nl: string }> }) => [t.id, t.matches[0]!.nl]));
    expect(why[team('wijkteam_west')]).toBe('spreekt Arabisch');
    expect(why[team('schuldhulp')]).toBe('met een tolk');
    expect(why[team('wijkconsulenten')]).toBeUndefined();

    const noReferral = await getJson(app, '/api/teams?no_referral=1&per_page=100');
    expect(noReferral.body.items.map((t: { access: string }) => t.access).every((a: string) => a === 'walk_in' || a === 'self_referral')).toBe(true);
    expect(noReferral.body.items.map((t: { id: string }) => t.id)).not.toContain(team('wijk_ggz'));

    const wheelchair = await getJson(app, '/api/search?q=wmo&wheelchair=1');
    expect(names(wheelchair.body.items)).toContain('Wmo-loket Lindeburg');
    expect(wheelchair.body.items[0].matches).toEqual([{ filter: 'wheelchair', nl: 'rolstoeltoegankelijk', en: 'wheelchair accessible' }]);
  });

  it('answers 400 naming a bad filter', async () => {
    const res = await getJson(app, '/api/search?q=schulden&age=200');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toContain('age');
  });
});

describe(`editing service data on ${TEST_BACKEND}`, () => {
  const write = (method: 'PATCH', url: string, body: unknown, tag: string) => app.inject({
    method, url, payload: JSON.stringify(body),
    headers: { cookie: admin, origin: 'http://localhost:80', 'content-type': 'application/json', 'if-match': tag } });

  it('a team\'s schedules, languages, costs and ages; the same lists again change no version', async () => {
    const url = `/api/teams/${team('buurtbemiddeling')}`;
    const before = await getJson(app, url);
    const body = {
      schedules: [{ freq: 'WEEKLY', byday: ['MO', 'TU'], opens_at: '09:00', closes_at: '12:30' },
        { freq: null, valid_from: '2026-12-31', valid_to: '2027-01-01', closed: true, description: 'Oud en nieuw' }],
      languages: [{ code: 'so' }], cost_options: [{ kind: 'free' }], minimum_age: 16, eligibility_description: 'Voor buren die er samen niet uitkomen.',
      phones: [{ number: '036-5391177', type: 'voice', description: 'Alleen in de ochtend' }],
      required_documents: [{ document: 'Niets: u hoeft niets mee te nemen' }],
    };
    const res = await write('PATCH', url, body, before.headers.etag as string);
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.version).toBe(before.body.version + 1);
    expect(after.schedules.map((s: { byday: string[] | null; closed: boolean }) => [s.byday, s.closed])).toEqual([[['MO', 'TU'], false], [null, true]]);
    expect(after.languages).toEqual([expect.objectContaining({ code: 'so', name: 'Somalisch' })]);
    expect(after.minimum_age).toBe(16);
    const again = await write('PATCH', url, { ...body, schedules: after.schedules.map(({ id, byday, ...s }: any) => ({ id, ...s, byday: byday ?? undefined, ...(s.freq ? { closed: undefined, valid_from: null, valid_to: null } : { opens_at: null, closes_at: null }) })) }, res.headers.etag as string);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(after.version);
    // Monday 09:30 local: open; on 31 December (a Thursday... closed by the exception anyway)
    now = new Date('2026-12-14T08:30:00Z');
    const open = await getJson(app, '/api/search?q=buurtbemiddeling&open_now=1');
    expect(open.body.items[0]?.matches[0]?.nl).toBe('open tot 12.30');
    now = new Date('2026-12-08T09:00:00Z');
    // A stale version is refused
    expect((await write('PATCH', url, { minimum_age: 18 }, before.headers.etag as string)).statusCode).toBe(412);
    // A bad schedule is a 400 naming the field
    const bad = await write('PATCH', url, { schedules: [{ freq: 'WEEKLY', byday: ['XX'], opens_at: '9', closes_at: '17:00' }] }, res.headers.etag as string);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('schedules');
    const ages = await write('PATCH', url, { maximum_age: 12 }, res.headers.etag as string);
    expect(ages.statusCode).toBe(400);
    expect(ages.json().details[0].field).toBe('maximum_age');
  });

  it('a location\'s accessibility bumps the location, and shows on the team', async () => {
    const location = stableId('location', 'buurthuis_de_molen');
    const before = await getJson(app, `/api/locations/${location}`);
    expect(before.body.accessibility.map((a: { kind: string }) => a.kind)).toEqual(['other']);
    const res = await write('PATCH', `/api/locations/${location}`, { accessibility: [{ kind: 'wheelchair', description: 'Nieuwe hellingbaan' }] }, before.headers.etag as string);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(before.body.version + 1);
    const teamView = await getJson(app, `/api/teams/${team('ouderenadvies')}`);
    const molen = teamView.body.locations.find((l: { id: string }) => l.id === location);
    expect(molen.accessibility).toEqual([expect.objectContaining({ kind: 'wheelchair', description: 'Nieuwe hellingbaan' })]);
  });
});
