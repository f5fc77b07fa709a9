// "Wie werkt hier" is written with each card's JSON kept (server/people/people.cards-json.ts). What
// must hold: the bytes are exactly those of the route's schema writer for every area and
// audience (resident, a professional in no team, one with team-level rights, an admin), the
// kept JSON follows a change of the person, and a card with a key too many still fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaPeople } from '../../server/people/people.schemas';
import { writeAreaPeople } from '../../server/people/people.cards-json';
import { jsonWriterFor } from '../../server/http/serializer';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { readerCookies } from '../helpers/auth';

let t: TestApp;
let cookies: Record<string, string | undefined> = {};
const schemaWriter = jsonWriterFor(AreaPeople);

beforeAll(async () => {
  t = await createTestApp();
  cookies = await readerCookies(t.app, t.database.db);
});
afterAll(async () => { await t?.close(); });

const areaPeople = async (code: string, cookie?: string) => {
  const res = await getJson(t.app, `/api/areas/${code}/people`, cookie ? { cookie } : {});
  expect(res.status, `${code} ${res.raw.slice(0, 200)}`).toBe(200);
  return res;
};

describe('wie werkt hier, written with kept cards', () => {
  it('is byte for byte what the schema writer gives, for every area and audience, asked twice', async () => {
    const areas = await t.database.db.selectFrom('areas').select('code').orderBy('code').execute();
    expect(areas.length).toBeGreaterThan(3);
    let cards = 0;
    for (const [who, cookie] of Object.entries(cookies)) {
      for (const { code } of areas) {
        const first = await areaPeople(code, cookie);
        expect(first.raw, `${who} ${code}`).toBe(schemaWriter(first.body));
        // the second answer is made of the kept JSON: still the same bytes
        expect((await areaPeople(code, cookie)).raw, `${who} ${code} again`).toBe(first.raw);
        cards += first.body.teams.reduce((n: number, team: { members: unknown[] }) => n + team.members.length, 0);
      }
    }
    expect(cards).toBeGreaterThan(100);
  });

  it('shows a change of the person at once, not the JSON kept before it; letters outside Latin-1 stay whole', async () => {
    const res = await areaPeople('BU99010101', cookies.colleague);
    const someone = res.body.teams.flatMap((team: any) => team.members).find((m: any) => m.person.job_title)!.person;
    await t.database.db.updateTable('people').set({ job_title: 'wijkcoach – spreekt ook Türkçe (Ayşe, Işık)' }).where('id', '=', someone.id).execute();
    // (a write straight in the database moves the directory's change marker, as the API's do)
    const after = await areaPeople('BU99010101', cookies.colleague);
    const card = after.body.teams.flatMap((team: any) => team.members).find((m: any) => m.person.id === someone.id)!.person;
    expect(card.job_title).toBe('wijkcoach – spreekt ook Türkçe (Ayşe, Işık)');
    expect(after.raw).toBe(schemaWriter(after.body));
  });

  it('refuses a card with a key too many', async () => {
    const res = await areaPeople('BU99010101', cookies.colleague);
    const answer = res.body;
    expect(writeAreaPeople(answer).toString('utf8')).toBe(res.raw);
    const team = answer.teams.find((entry: any) => entry.members.length > 1)!;
    team.members[1].person = { ...team.members[1].person, private_notes: 'mag nooit weg' };
    expect(() => writeAreaPeople(answer)).toThrow();
  });
});
