// GET /api/lookup on the demo wijk, with the fake Locatieserver: every demo buurt by
// address, postcode and coordinate; geocoder down or slow; bad input is a 400, never a 500.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import type { Audience } from '../../server/domain/audience';
import { lookup } from '../../server/lookup/lookup.resolve';
import { BUURTEN } from '../../seeds/demo/areas';
import { pointInBuurt } from '../../seeds/demo/geometry';
import { getJson, buildTestApp } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';
import { type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';
import { checkEverythingAgain } from '../helpers/review-fixture';

// Generous for a loaded CI machine; the slow-geocoder test checks we answer within it plus a margin.
const TIMEOUT_MS = 1000;
const MARGIN_MS = 500;
const RANK: Record<string, number> = { first_contact: 0, care: 1, welfare: 2, informal: 3, other: 4 };
const q = (params: Record<string, string>) => `/api/lookup?${new URLSearchParams(params)}`;

let database: Database;
let fake: FakeLocatieserver;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createSeededDatabase();
  await checkEverythingAgain(database.db);
  fake = await startFakeLocatieserver();
  app = await buildTestApp(database, { env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: String(TIMEOUT_MS) } });
  await getJson(app, q({ address: 'opwarmen' })); // the first fetch sets up undici: not part of any timing
});
afterAll(async () => { await app?.close(); await fake?.close(); await database?.close(); });

function expectServing(body: any, buurtCode: string) {
  expect(body.area.buurt.code).toBe(buurtCode);
  expect(body.area.wijk).toEqual({ code: 'WK990101', name: 'Lindeburg-Oost' });
  expect(body.area.gemeente).toEqual({ code: 'GM9901', name: 'Lindeburg' });
  expect(body.teams.length).toBeGreaterThan(0);
  // First points of contact first, then care, welfare, informal, other.
  const ranks = body.teams.map((t: any) => RANK[t.category]);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(body.teams[0].category).toBe('first_contact');
}

describe('lookup by address (fake geocoder returns the demo buurt codes)', () => {
  for (const buurt of BUURTEN) {
    it(`${buurt.name} (${buurt.code})`, async () => {
      const doc = fake.docs.find((d) => d.buurtcode === buurt.code)!;
      const res = await getJson(app, q({ address: String(doc.weergavenaam) }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ address: doc.weergavenaam, approximate: false, resolved_by: 'geocoder', message: null });
      expectServing(res.body, buurt.code);
      expect(res.headers['cache-control']).toBe('private, no-store');
    });
  }

  it('shows each team\'s contact person as a resident may see them (public profiles only)', async () => {
    const doc = fake.docs[0]!;
    const { body } = await getJson(app, q({ address: String(doc.weergavenaam) }));
    const contacts = body.teams.flatMap((t: any) => t.contacts);
    for (const c of contacts) {
      expect(c.person.public_profile).toBe(true);
      expect(c.person).not.toHaveProperty('phone_mobile');
      expect(c.person).not.toHaveProperty('private_notes');
    }
    // Every demo team has exactly one contact person: shown, or counted as hidden.
    for (const t of body.teams) expect(t.contacts.length + t.hidden_contacts).toBe(1);
    expect(body.teams.some((t: any) => t.hidden_contacts > 0)).toBe(true);
  });

  it('lists the nearest huisartsen, fysio and schools with distances, nearest first per type', async () => {
    const doc = fake.docs.find((d) => d.buurtcode === 'BU99010101')!;
    const { body } = await getJson(app, q({ address: String(doc.weergavenaam) }));
    expect(body.nearest.length).toBeGreaterThan(0);
    const gps = body.nearest.filter((n: any) => n.team.team_type === 'gp_practice');
    expect(gps.length).toBeGreaterThan(0);
    expect(gps.map((n: any) => n.distance_m)).toEqual([...gps.map((n: any) => n.distance_m)].sort((a, b) => a - b));
    for (const n of body.nearest) {
      expect(['gp_practice', 'physiotherapy', 'school']).toContain(n.team.team_type);
      expect(Number.isInteger(n.distance_m)).toBe(true);
      expect(n.distance_m).toBeLessThanOrEqual(5000);
    }
  });

  it('an address the geocoder does not know is a 404', async () => {
    const res = await getJson(app, q({ address: 'Nergensstraat 99 Nergenshuizen' }));
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('address_not_found');
  });

  it('a buurtcode we do not have falls back to our own boundaries', async () => {
    const { lon, lat } = pointInBuurt('molenkwartier', 0.3, 0.6);
    fake.docs.push({ ...fake.docs[0]!, id: 'adr-unknowncode', weergavenaam: 'Onbekendecodeweg 5, 1373ZZ Lindeburg', buurtcode: 'BU99019999', centroide_ll: `POINT(${lon} ${lat})` });
    const { body } = await getJson(app, q({ address: 'Onbekendecodeweg 5' }));
    expect(body.resolved_by).toBe('polygon');
    expectServing(body, 'BU99010103');
  });
});

describe('lookup by postcode and number', () => {
  it.each(BUURTEN.map((b) => [b.code, b.postcodes[0]]))('%s via %sAA 1 (and "1234 aa" spelling)', async (code, pc4) => {
    const res = await getJson(app, q({ postcode: `${pc4} aa`, number: '1' }));
    expect(res.status).toBe(200);
    expect(res.body.approximate).toBe(false);
    expectServing(res.body, code);
    expect(fake.requests.at(-1)!.params.get('q')).toBe(`postcode:${pc4}AA and huisnummer:1`);
  });

  it('an unknown number in a known postcode is approximated by its PC4 area', async () => {
    const { status, body } = await getJson(app, q({ postcode: '1374AA', number: '999b' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ approximate: true, resolved_by: 'postcode', address: null });
    expect(body.approximation).toMatch(/Benadering/);
    expectServing(body, 'BU99010104');
  });
});

describe('lookup by coordinate (no geocoder needed)', () => {
  it.each(BUURTEN.map((b) => [b.code, b.key]))('%s', async (code, key) => {
    const { lon, lat } = pointInBuurt(key, 0.7, 0.3);
    const before = fake.requests.length;
    const res = await getJson(app, q({ lat: String(lat), lon: String(lon) }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resolved_by: 'polygon', approximate: false, point: { lat, lon } });
    expectServing(res.body, code);
    expect(fake.requests.length).toBe(before);
  });

  it('a point outside every known area: 200, no area, no teams, a message', async () => {
    const res = await getJson(app, q({ lat: '52.0907', lon: '5.1214' })); // Utrecht Dom
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ area: { buurt: null, wijk: null, gemeente: null }, teams: [], nearest: [], resolved_by: 'none' });
    expect(res.body.message).toMatch(/buiten/);
  });
});

describe('geocoder down or slow', () => {
  let down: FakeLocatieserver;
  let offline: FastifyInstance;
  beforeAll(async () => {
    down = await startFakeLocatieserver();
    await down.down();
    offline = await buildTestApp(database, { env: { GEOCODER_URL: down.url, GEOCODER_TIMEOUT_MS: '300' } });
  });
  afterAll(async () => { await offline?.close(); });

  it('free text → 503 geocoder_unavailable, fast', async () => {
    const started = performance.now();
    const res = await getJson(offline, q({ address: 'Oude Kernstraat 1, Lindeburg' }));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'geocoder_unavailable' });
    expect(res.body.details[0].reason).toBe('unreachable');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('postcode → approximate PC4 answer with a label', async () => {
    const res = await getJson(offline, q({ postcode: '1372AB', number: '7' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approximate: true, resolved_by: 'postcode', candidates: [{ code: 'BU99010102' }] });
    expect(res.body.approximation).toMatch(/niet bereikbaar/);
    expectServing(res.body, 'BU99010102');
  });

  it('a PC4 shared by two buurten: both as candidates, teams of both', async () => {
    await database.db.updateTable('areas').set({ postcodes: ['1371', '1380'] }).where('code', '=', 'BU99010101').execute();
    await database.db.updateTable('areas').set({ postcodes: ['1376', '1380'] }).where('code', '=', 'BU99010105').execute();
    try {
      const { body } = await getJson(offline, q({ postcode: '1380AB', number: '1' }));
      expect(body.candidates.map((c: any) => c.code)).toEqual(['BU99010101', 'BU99010105']);
      expect(body.area).toMatchObject({ buurt: null, wijk: { code: 'WK990101' }, gemeente: { code: 'GM9901' } });
      expect(body.teams[0].category).toBe('first_contact');
    } finally {
      await database.db.updateTable('areas').set({ postcodes: ['1371'] }).where('code', '=', 'BU99010101').execute();
      await database.db.updateTable('areas').set({ postcodes: ['1376'] }).where('code', '=', 'BU99010105').execute();
    }
  });

  it('a slow geocoder answers within the timeout plus a margin (503 for text, approximation for postcode)', async () => {
    fake.setDelay(TIMEOUT_MS * 3);
    try {
      let started = performance.now();
      const text = await getJson(app, q({ address: 'Vogelwijkstraat 1 langzaam' }));
      expect(text.status).toBe(503);
      expect(text.body.details[0].reason).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      started = performance.now();
      const pc = await getJson(app, q({ postcode: '1377AB', number: '3' }));
      expect(pc.body).toMatchObject({ approximate: true, area: { buurt: { code: 'BU99010106' } } });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    } finally { fake.setDelay(0); }
  });

  it('with no geocoder configured at all, postcode still works (approximate)', async () => {
    const none = await buildTestApp(database, { env: { GEOCODER_URL: 'off' } });
    try {
      expect((await getJson(none, q({ postcode: '1375XY', number: '2' }))).body.area.buurt.code).toBe('BU99010104');
    } finally { await none.close(); }
  });
});

describe('the person to call, per audience', () => {
  it('a signed-in professional (the huisarts, once sign-in exists) sees every contact person, with the 06 number', async () => {
    const huisarts: Audience = { kind: 'professional', accountId: 'ee02faec-12ab-4b6c-8af1-7955b3f4e3f4', personId: null, teamIds: [], organisationIds: [] };
    const point = pointInBuurt('lindehof', 0.5, 0.5);
    const pro = await lookup(database.db, null, huisarts, { kind: 'coordinate', point });
    const anon = await lookup(database.db, null, { kind: 'anonymous' }, { kind: 'coordinate', point });
    expect(pro.teams.map((t) => t.id)).toEqual(anon.teams.map((t) => t.id));
    for (const t of pro.teams) {
      expect(t.contacts).toHaveLength(1);
      expect(t.hidden_contacts).toBe(0);
      expect(t.contacts[0]!.person).toHaveProperty('phone_mobile');
    }
    expect(anon.teams.reduce((n, t) => n + t.hidden_contacts, 0)).toBeGreaterThan(0);
  });
});
