// The lookup answer is written with each contact person's JSON kept (server/lookup/lookup.result-json.ts).
// What must hold: the bytes are exactly those of the route's schema writer, for every demo
// buurt and every form of the question (address, postcode, coordinate, an approximation, a
// point outside every area) and every audience; the kept JSON follows a change of the person;
// a person with a key too many still fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonWriterFor } from '../../server/http/serializer';
import { LookupResult } from '../../server/lookup/lookup.schemas';
import { writeLookupResult } from '../../server/lookup/lookup.result-json';
import { BUURTEN } from '../../seeds/demo/areas';
import { pointInBuurt } from '../../seeds/demo/geometry';
import { buildTestApp, getJson, type TestApp } from '../helpers/app';
import { readerCookies } from '../helpers/auth';
import { createSeededDatabase } from '../helpers/db';
import { type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';

let t: Pick<TestApp, 'app' | 'database'>;
let fake: FakeLocatieserver;
let cookies: Record<string, string | undefined> = {};
const schemaWriter = jsonWriterFor(LookupResult);
const q = (params: Record<string, string>) => `/api/lookup?${new URLSearchParams(params)}`;

beforeAll(async () => {
  fake = await startFakeLocatieserver();
  const database = await createSeededDatabase();
  t = { database, app: await buildTestApp(database, { env: { GEOCODER_URL: fake.url } }) };
  cookies = await readerCookies(t.app, t.database.db);
});
afterAll(async () => { await t?.app.close(); await t?.database.close(); await fake?.close(); });

const looked = async (path: string, cookie?: string) => {
  const res = await getJson(t.app, path, cookie ? { cookie } : {});
  expect(res.status, `${path} ${res.raw.slice(0, 200)}`).toBe(200);
  return res;
};

describe('lookup, written with kept contact persons', () => {
  it('is byte for byte what the schema writer gives, for every buurt, form of the question and audience, asked twice', async () => {
    const paths = [
      ...BUURTEN.map((b) => q({ address: String(fake.docs.find((d) => d.buurtcode === b.code)!.weergavenaam) })),
      ...BUURTEN.map((b) => { const { lat, lon } = pointInBuurt(b.key, 0.4, 0.6); return q({ lat: String(lat), lon: String(lon) }); }),
      q({ postcode: '1377AB', number: '3' }),
      q({ lat: '52.0907', lon: '5.1214' }), // outside every area: no teams
    ];
    let contacts = 0;
    let persons = 0;
    for (const [who, cookie] of Object.entries(cookies)) {
      for (const path of paths) {
        const first = await looked(path, cookie);
        expect(first.raw, `${who} ${path}`).toBe(schemaWriter(first.body));
        // the second answer is made of the kept JSON: still the same bytes
        expect((await looked(path, cookie)).raw, `${who} ${path} again`).toBe(first.raw);
        for (const team of first.body.teams) contacts += team.contacts.length;
        persons += first.body.teams.length;
      }
    }
    expect(contacts).toBeGreaterThan(50);
    expect(persons).toBeGreaterThan(50);
  });

  it('shows a change of the person at once, not the JSON kept before it; letters outside Latin-1 stay whole', async () => {
    const { lat, lon } = pointInBuurt(BUURTEN[0]!.key, 0.5, 0.5);
    const path = q({ lat: String(lat), lon: String(lon) });
    const res = await looked(path, cookies.colleague);
    const someone = res.body.teams.flatMap((team: any) => team.contacts)[0].person;
    await t.database.db.updateTable('people').set({ job_title: 'wijkcoach – spreekt ook Türkçe (Ayşe, Işık)' }).where('id', '=', someone.id).execute();
    // (a write straight in the database moves the directory's change marker, as the API's do)
    const after = await looked(path, cookies.colleague);
    const person = after.body.teams.flatMap((team: any) => team.contacts).find((c: any) => c.person.id === someone.id)!.person;
    expect(person.job_title).toBe('wijkcoach – spreekt ook Türkçe (Ayşe, Işık)');
    expect(after.raw).toBe(schemaWriter(after.body));
  });

  it('refuses a person with a key too many, and writes no field the schema does not name', async () => {
    const { lat, lon } = pointInBuurt(BUURTEN[1]!.key, 0.5, 0.5);
    const res = await looked(q({ lat: String(lat), lon: String(lon) }));
    const answer = res.body;
    expect(writeLookupResult(answer).toString('utf8')).toBe(res.raw);
    // a stray field on the answer or a team is left behind, as the schema writer leaves it
    answer.debug = 'intern';
    answer.teams[0].internal_note = 'intern';
    expect(writeLookupResult(answer).toString('utf8')).toBe(res.raw);
    const team = answer.teams.find((entry: any) => entry.contacts.length > 0)!;
    team.contacts[0].person = { ...team.contacts[0].person, phone_mobile: '0612345678' };
    expect(() => writeLookupResult(answer)).toThrow();
  });
});
