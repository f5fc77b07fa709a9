// vCards as a resident gets them: valid vCard 4.0 to an independent parser (ical.js), and
// nothing in them a resident may not see, checked against the database's secret values.
import ICAL from 'ical.js';
import QRCode from 'qrcode';
import { residentSecrets } from '../helpers/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { personVcard } from '../../server/vcard/vcard.queries';

let t: TestApp;
let secrets: string[];
let published: Set<string>;
let people: Array<{ id: string; public_profile: boolean; photo_consent: boolean; phone_work: string | null; phone_work_visibility: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.selectFrom('people').selectAll().execute();
  people = rows;
  secrets = await residentSecrets(t.database.db);
  const consents = await t.database.db.selectFrom('person_consents').select(['person_id', 'field']).where('withdrawn_at', 'is', null).execute();
  published = new Set(consents.map((c) => `${c.person_id}/${c.field}`));
  expect(secrets.length).toBeGreaterThan(50);
});
afterAll(async () => { await t?.close(); });

/** Fetches a vCard file, parses it with ical.js and checks it carries nothing secret. */
async function cards(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.vcf"$/);
  const text = res.body;
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line.slice(0, 40)).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n /g, '');
  for (const s of secrets) expect(unfolded, url).not.toContain(s);
  for (const s of secrets) expect(unfolded.replace(/[\s-]/g, ''), url).not.toContain(s.replace(/[\s-]/g, ''));
  expect(unfolded).not.toMatch(/tel:\+316\d{8}/);
  const parsed = ICAL.parse(text) as unknown;
  const list = (Array.isArray((parsed as unknown[])[0]) ? parsed : [parsed]) as unknown[];
  return list.map((jcard) => {
    const c = new ICAL.Component(jcard as never);
    expect(c.name).toBe('vcard');
    expect(c.getFirstPropertyValue('version')).toBe('4.0');
    expect(c.getFirstPropertyValue('fn')).toBeTruthy();
    return c;
  });
}

const uidOf = (c: ICAL.Component) => String(c.getFirstPropertyValue('uid')).replace('urn:uuid:', '');

describe('vCards for a resident', () => {
  it('a person: only public fields, photo embedded when consented', async () => {
    const visible = people.filter((p) => p.public_profile);
    for (const p of visible.slice(0, 25)) {
      const [card, ...rest] = await cards(`/api/people/${p.id}/vcard`);
      expect(rest).toHaveLength(0);
      expect(uidOf(card!)).toBe(p.id);
      expect(card!.getFirstPropertyValue('kind')).toBe('individual');
      const photo = card!.getFirstPropertyValue('photo');
      if (p.photo_consent && published.has(`${p.id}/photo`)) expect(String(photo)).toMatch(/^data:image\/jpeg;base64,\/9j\//);
      else expect(photo).toBeNull();
      const tels = card!.getAllProperties('tel');
      expect(tels.length).toBe(p.phone_work && published.has(`${p.id}/phone_work`) ? 1 : 0);
    }
    const hidden = people.find((p) => !p.public_profile)!;
    expect((await getJson(t.app, `/api/people/${hidden.id}/vcard`)).status).toBe(404);
    expect((await getJson(t.app, `/api/people/${hidden.id}/vcard/qr.svg`)).status).toBe(404);
  });

  it('a team: its own card, then exactly the members a resident sees', async () => {
    const teams = (await getJson(t.app, '/api/teams?per_page=100')).body.items as Array<{ id: string }>;
    expect(teams.length).toBeGreaterThan(20);
    for (const team of teams) {
      const detail = (await getJson(t.app, `/api/teams/${team.id}`)).body;
      const [own, ...members] = await cards(`/api/teams/${team.id}/vcard`);
      expect(own!.getFirstPropertyValue('kind')).toBe('org');
      expect(uidOf(own!)).toBe(team.id);
      expect(members.map(uidOf).sort()).toEqual(detail.members.map((m: { person: { id: string } }) => m.person.id).sort());
      for (const m of members) expect(people.find((p) => p.id === uidOf(m))!.public_profile).toBe(true);
    }
  });

  it('an area: everyone serving it, each person once, no hidden person', { timeout: 120_000 }, async () => {
    const areas = (await getJson(t.app, '/api/areas')).body.items as Array<{ code: string; kind: string }>;
    // one buurt and the wijk: each is some 25 teams, slow enough on PGlite to keep the list short
    for (const area of [areas.find((a) => a.kind === 'buurt')!, areas.find((a) => a.kind === 'wijk')!]) {
      const started = performance.now();
      const all = await cards(`/api/areas/${area.code}/vcard`);
      const individuals = all.filter((c) => c.getFirstPropertyValue('kind') === 'individual').map(uidOf);
      expect(new Set(individuals).size).toBe(individuals.length);
      expect(all.filter((c) => c.getFirstPropertyValue('kind') === 'org').length).toBeGreaterThan(3);
      for (const id of individuals) expect(people.find((p) => p.id === id)!.public_profile).toBe(true);
      console.log(`area vCard ${area.code}: ${all.length} cards in ${Math.round(performance.now() - started)} ms`);
    }
    expect((await getJson(t.app, '/api/areas/BU99999999/vcard')).status).toBe(404);
  });

  it('QR codes open the card', async () => {
    const team = (await getJson(t.app, '/api/teams?per_page=1')).body.items[0];
    const res = await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}/vcard/qr.svg`, headers: { host: 'wijk.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toBe(await QRCode.toString(`http://wijk.example/api/teams/${team.id}/vcard`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect((await getJson(t.app, '/api/teams/00000000-0000-4000-8000-000000000000/vcard/qr.svg')).status).toBe(404);
  });
});

describe('vCards follow the audience', () => {
  it('a signed-in professional gets the 06 number a resident never gets', async () => {
    const p = await t.database.db.selectFrom('people').select(['id', 'phone_mobile']).where('public_profile', '=', true)
      .where('phone_mobile', 'is not', null).where('phone_mobile_visibility', '=', 'professionals').executeTakeFirstOrThrow();
    const professional = { kind: 'professional', accountId: '360a5d84-47ab-471d-8ae6-4fe0747bb885', personId: null, teamIds: [], organisationIds: [] } as const;
    const signedIn = (await personVcard(t.database.db, professional, p.id, 'http://x'))!.text;
    const card = new ICAL.Component(ICAL.parse(signedIn) as never);
    const cell = card.getAllProperties('tel').find((tel) => String(tel.getParameter('type')).includes('cell'));
    expect(String(cell?.getFirstValue()).replace('tel:+31', '0')).toBe(p.phone_mobile!.replace(/[^0-9]/g, ''));
    const anonymous = (await cards(`/api/people/${p.id}/vcard`))[0]!;
    expect(anonymous.getAllProperties('tel').some((tel) => String(tel.getParameter('type')).includes('cell'))).toBe(false);
  });
});
