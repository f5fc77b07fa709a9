// Take it along: the newcomer's kennismaken pack as one vCard file, in the pack's order,
// each team then its people — exactly the people the pack shows this account, no more.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
});
afterAll(async () => { await t?.close(); });

function parse(text: string) {
  const parsed = ICAL.parse(text) as unknown;
  const list = (Array.isArray(parsed) && typeof parsed[0] !== 'string' ? parsed : [parsed]) as unknown[];
  return list.map((jcard) => new ICAL.Component(jcard as never));
}

describe('the kennismaken pack as vCards', () => {
  it('holds every team of the pack and exactly its people, as this account may see them', async () => {
    const pack = (await getJson(t.app, '/api/me/kennismaken', { cookie })).body;
    expect(pack.teams.length).toBeGreaterThan(3);
    const res = await t.app.inject({ method: 'GET', url: '/api/me/kennismaken/vcard', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/vcard/);
    expect(res.headers['cache-control']).toMatch(/private/);
    const cards = parse(res.body);
    const uid = (c: InstanceType<typeof ICAL.Component>) => String(c.getFirstPropertyValue('uid')).replace('urn:uuid:', '');
    const orgs = cards.filter((c) => c.getFirstPropertyValue('kind') === 'org').map(uid);
    const people = cards.filter((c) => c.getFirstPropertyValue('kind') === 'individual').map(uid);
    expect(orgs).toEqual(pack.teams.map((x: { id: string }) => x.id));
    const packPeople = new Set(pack.teams.flatMap((x: { members: Array<{ person: { id: string } }> }) => x.members.map((m) => m.person.id)));
    expect(new Set(people)).toEqual(packPeople);
    expect(people.length).toBe(packPeople.size);
    // team-level notes never travel in a card
    const notes = await t.database.db.selectFrom('people').select('private_notes').where('private_notes', 'is not', null).execute();
    for (const n of notes) expect(res.body).not.toContain(n.private_notes!);
  });

  it('is for signed-in accounts only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/kennismaken/vcard' })).statusCode).toBe(401);
  });
});
