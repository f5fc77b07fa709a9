// GET /api/lookup/vcard: the huisarts's take-away of an address — its first points of contact
// and their contact persons, as the caller may see them (the lookup's own visibility), and
// nothing of the other teams. And the approximation says why, as a key a client can word.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { BUURTEN } from '../../seeds/demo/areas';
import { buildTestApp, getJson } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';
import { type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';
import { checkEverythingAgain } from '../helpers/review-fixture';

let database: Database;
let fake: FakeLocatieserver;
let app: FastifyInstance;
let professional: string;
const lindehof = `${BUURTEN.find((b) => b.key === 'lindehof')!.postcodes[0]}AA`;
const query = `postcode=${lindehof}&number=1`;
/** The cards of a vCard text, unfolded, as { kind, name, lines }. */
const cards = (text: string) => text.replace(/\r\n[ \t]/g, '').split('BEGIN:VCARD').slice(1).map((c) => {
  const lines = c.split('\r\n');
  return { kind: lines.find((l) => l.startsWith('KIND:'))?.slice(5), name: lines.find((l) => l.startsWith('FN:'))?.slice(3), lines };
});

beforeAll(async () => {
  database = await createSeededDatabase();
  await checkEverythingAgain(database.db);
  fake = await startFakeLocatieserver();
  app = await buildTestApp(database, { env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '5000' } });
  professional = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
});
afterAll(async () => { await app?.close(); await fake?.close(); await database?.close(); });

describe(`the address answer's vCard on ${TEST_BACKEND}`, () => {
  it('holds exactly the first points of contact and their visible contact persons, for a resident', async () => {
    const { body: answer } = await getJson(app, `/api/lookup?${query}`);
    const first = answer.teams.filter((t: any) => t.category === 'first_contact');
    expect(first.length).toBeGreaterThan(0);
    expect(answer.teams.length).toBeGreaterThan(first.length);
    const res = await app.inject({ method: 'GET', url: `/api/lookup/vcard?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/vcard/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.vcf"$/);
    const got = cards(res.body);
    expect(got.filter((c) => c.kind === 'org').map((c) => c.name)).toEqual(first.map((t: any) => t.name));
    const contacts = first.flatMap((t: any) => t.contacts.map((c: any) => c.person.name));
    expect(got.filter((c) => c.kind === 'individual').map((c) => c.name)).toEqual(contacts);
    // no other team, and no 06 number for a resident
    for (const other of answer.teams.filter((t: any) => t.category !== 'first_contact')) expect(res.body).not.toContain(`FN:${other.name}\r\n`);
    expect(got.flatMap((c) => c.lines).some((l) => l.includes('TYPE="cell'))).toBe(false);
  });

  it('for a professional it holds the contacts the answer shows them, with the direct lines they may see', async () => {
    const { body: answer } = await getJson(app, `/api/lookup?${query}`, { cookie: professional });
    const people = answer.teams.filter((t: any) => t.category === 'first_contact').flatMap((t: any) => t.contacts.map((c: any) => c.person));
    const text = (await app.inject({ method: 'GET', url: `/api/lookup/vcard?${query}`, headers: { cookie: professional } })).body.replace(/\r\n[ \t]/g, '');
    expect(cards(text).filter((c) => c.kind === 'individual').map((c) => c.name)).toEqual(people.map((p: any) => p.name));
    const mobiles = people.filter((p: any) => p.phone_mobile).map((p: any) => p.phone_mobile.replace(/[^0-9]/g, '').replace(/^0/, '+31'));
    for (const m of mobiles) expect(text).toContain(`tel:${m}`);
  });

  it('404 where no first point of contact serves the address, 400 naming the field without a question', async () => {
    const outside = await getJson(app, '/api/lookup/vcard?lat=52.0907&lon=5.1214');
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ error: 'not_found' });
    const none = await getJson(app, '/api/lookup/vcard');
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('address');
  });

  it('an approximate answer says why as a key (the web words it in its reader\'s language)', async () => {
    const notFound = await getJson(app, `/api/lookup?postcode=${lindehof}&number=999`);
    expect(notFound.body).toMatchObject({ approximate: true, approximation_reason: 'address_not_found' });
    const exact = await getJson(app, `/api/lookup?${query}`);
    expect(exact.body.approximation_reason).toBeNull();
    await fake.down(); // the last test: the fake stays down (a fresh number, so no cached answer)
    const offline = await getJson(app, `/api/lookup?postcode=${lindehof}&number=7`);
    expect(offline.body).toMatchObject({ approximate: true, approximation_reason: 'geocoder_offline' });
  });
});
