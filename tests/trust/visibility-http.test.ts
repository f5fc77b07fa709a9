// The visibility rule over HTTP: one shaping path for every endpoint that returns people,
// per-audience strict serialisation (a smuggled field is a 500 with nothing sent), the
// same members in /api/people?team= as on the team, and "wie werkt hier" per area.
// The test app takes its audience from a test-only header (sign-in is built elsewhere).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import type { Audience } from '../../server/domain/audience';
import { BUURTEN } from '../../seeds/demo/areas';
import { teamId } from '../../seeds/demo/build';
import { pointInBuurt } from '../../seeds/demo/geometry';
import { buildTestApp, getJson } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';
import { checkEverythingAgain } from '../helpers/review-fixture';

const SMUGGLED = '06-31415926';
let database: Database;
let app: FastifyInstance;

/** Puts `field` into the first person found in a payload, as a buggy query would. */
function smuggle(payload: unknown, field: string): boolean {
  if (Array.isArray(payload)) return payload.some((item) => smuggle(item, field));
  if (payload === null || typeof payload !== 'object') return false;
  const record = payload as Record<string, unknown>;
  if ('shown_to' in record) {
    // 'as-professional': every field a professional's shape has, so only the audience tells them apart
    if (field === 'as-professional') {
      Object.assign(record, { ask_me_about: 'x', languages: [], working_days: [], version: 1, availability_note: null,
        private_notes: null, public_fields: [], phone_mobile: SMUGGLED });
    } else record[field] = SMUGGLED;
    return true;
  }
  return Object.values(record).some((value) => smuggle(value, field));
}

beforeAll(async () => {
  database = await createSeededDatabase();
  await checkEverythingAgain(database.db);
  app = await buildTestApp(database, {
    beforeReady: (instance) => {
      instance.addHook('onRequest', async (request) => {
        const header = request.headers['x-test-audience'];
        if (typeof header === 'string') request.audience = JSON.parse(header) as Audience;
      });
      instance.addHook('preSerialization', async (request, reply, payload) => {
        const field = request.headers['x-test-smuggle'];
        // (the error answer that follows passes here too: leave it alone)
        if (typeof field !== 'string' || reply.statusCode !== 200) return payload;
        // a copy: the shaped people are frozen (people.cache.ts), and the serializer is what is under test here
        const copy = structuredClone(payload);
        if (!smuggle(copy, field)) throw new Error('test: no person to smuggle into');
        return copy;
      });
    },
  });
});
afterAll(async () => { await app?.close(); await database?.close(); });

const PRO: Audience = { kind: 'professional', accountId: '4b28a1e9-bac6-46ab-8504-e9094bf1dfe1', personId: null, teamIds: [], organisationIds: [] };
const ADMIN: Audience = { kind: 'admin', accountId: '1e140e7e-c9f8-43a6-8d9a-b974f88db208', personId: null, teamIds: [], organisationIds: [] };
const as = (audience: Audience | null, extra: Record<string, string> = {}) =>
  (audience ? { 'x-test-audience': JSON.stringify(audience), ...extra } : extra);
const get = async (url: string, audience: Audience | null = null, extra: Record<string, string> = {}) => {
  const res = await getJson(app, url, as(audience, extra));
  expect(res.status, `${url} ${res.raw.slice(0, 200)}`).toBe(200);
  return res.body;
};
const lookupUrl = (key: (typeof BUURTEN)[number]['key']) => {
  const { lat, lon } = pointInBuurt(key, 0.5, 0.5);
  return `/api/lookup?lat=${lat}&lon=${lon}`;
};

describe('people?team= and the team\'s members', () => {
  it('are the same people for every demo team and audience: current members only', async () => {
    const teams = await database.db.selectFrom('teams').select('id').execute();
    for (const audience of [null, PRO]) {
      for (const { id } of teams) {
        const team = await get(`/api/teams/${id}`, audience);
        const people = await get(`/api/people?team=${id}&per_page=100`, audience);
        const members = team.members.map((m: any) => m.person.id).sort();
        expect(people.items.map((p: any) => p.id).sort(), team.name).toEqual(members);
        expect(people.total).toBe(members.length);
      }
    }
  });

  it('no longer lists Ahmet Çelik in the wijkteam he left', async () => {
    const ahmet = await database.db.selectFrom('people').select('id').where('family_name', '=', 'Çelik').executeTakeFirstOrThrow();
    for (const audience of [null, PRO]) {
      const centrum = await get(`/api/people?team=${teamId('wijkteam_centrum')}&per_page=100`, audience);
      expect(centrum.items.map((p: any) => p.id)).not.toContain(ahmet.id);
      const jgt = await get(`/api/people?team=${teamId('jgt')}&per_page=100`, audience);
      expect(jgt.items.map((p: any) => p.id)).toContain(ahmet.id);
      const person = await get(`/api/people/${ahmet.id}`, audience);
      expect(person.memberships.map((m: any) => m.team.id)).toEqual([teamId('jgt')]);
    }
  });
});

describe('a field smuggled into a person', () => {
  const urls = async () => {
    const publicPerson = (await get('/api/people?per_page=1')).items[0].id;
    return [`/api/people/${publicPerson}`, '/api/people?per_page=5', `/api/teams/${teamId('jgt')}`,
      '/api/areas/BU99010101/people', lookupUrl('oude_kern')];
  };

  it('is a 500 internal_error for a resident, with no trace of the value', async () => {
    for (const [url, mode] of (await urls()).flatMap((u) => [[u, 'phone_mobile'], [u, 'as-professional']])) {
      expect((await getJson(app, url!)).status, `${url} without smuggling`).toBe(200);
      const res = await getJson(app, url!, { 'x-test-smuggle': mode! });
      expect(res.status, url).toBe(500);
      expect(res.body, url).toEqual({ error: 'internal_error', message: expect.any(String), details: [] });
      expect(res.raw, url).not.toContain(SMUGGLED);
      expect(res.raw, url).not.toContain('shown_to');
    }
  });

  it('is a 500 for a professional too, for a field no audience has', async () => {
    for (const url of [...await urls(), '/api/search?q=psycholoog&kind=person']) {
      expect((await getJson(app, url, as(PRO))).status, `${url} without smuggling`).toBe(200);
      const res = await getJson(app, url, as(PRO, { 'x-test-smuggle': 'password_hash' }));
      expect(res.status, url).toBe(500);
      expect(res.body.error, url).toBe('internal_error');
      expect(res.raw).not.toContain(SMUGGLED);
    }
  });
});

describe('one shaping path', () => {
  async function expectSameAsPersonPage(people: any[], audience: Audience | null, where: string) {
    expect(people.length, where).toBeGreaterThan(0);
    for (const person of people) {
      const page = await get(`/api/people/${person.id}`, audience);
      expect(person, `${where}: ${person.name}`).toEqual(page.person);
    }
  }

  // "Wie werkt hier" lists people as cards: a cut of the very same person, never a field more.
  const CARD_KEYS = {
    public: ['shown_to', 'id', 'name', 'initials', 'job_title', 'photo_url', 'phone_work', 'email_work'],
    professionals: ['shown_to', 'id', 'name', 'initials', 'job_title', 'photo_url', 'phone_work', 'email_work',
      'phone_mobile', 'availability_note', 'stale', 'new_in_wijk'],
  };
  async function expectCardsOfPersonPage(cards: any[], audience: Audience | null) {
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const page = await get(`/api/people/${card.id}`, audience);
      const keys = CARD_KEYS[page.person.shown_to as 'public' | 'professionals'];
      expect(Object.keys(card).sort(), card.name).toEqual([...keys].sort());
      expect(card, card.name).toEqual(Object.fromEntries(keys.map((k) => [k, page.person[k]])));
    }
  }

  for (const [name, audience] of [['resident', null], ['professional', PRO], ['admin', ADMIN]] as const) {
    it(`team members, lookup contacts, search results and area people (as cards) match /api/people/:id for a ${name}`, async () => {
      const team = await get(`/api/teams/${teamId('jgt')}`, audience);
      await expectSameAsPersonPage(team.members.map((m: any) => m.person), audience, 'team members');
      const found = await get(lookupUrl('lindehof'), audience);
      await expectSameAsPersonPage(found.teams.flatMap((t: any) => t.contacts.map((c: any) => c.person)), audience, 'lookup contacts');
      const area = await get('/api/areas/BU99010102/people', audience);
      await expectCardsOfPersonPage(area.teams.flatMap((t: any) => t.members.map((m: any) => m.person)).slice(0, 25), audience);
      const search = await get('/api/search?q=psycholoog&kind=person', audience);
      const people = search.items.filter((i: any) => i.kind === 'person');
      if (audience === null) {
        expect(people).toEqual([]);
      } else {
        await expectSameAsPersonPage(people.map((i: any) => i.person), audience, 'search');
        for (const item of people) expect([item.name, item.job_title]).toEqual([item.person.name, item.person.job_title]);
      }
    });
  }
});

describe('GET /api/areas/:code/people', () => {
  it('groups the people serving a buurt by team, in the area page\'s order', async () => {
    for (const buurt of BUURTEN) {
      const area = await get(`/api/areas/${buurt.code}`);
      for (const audience of [null, PRO]) {
        const people = await get(`/api/areas/${buurt.code}/people`, audience);
        expect(people.area).toEqual({ code: buurt.code, kind: 'buurt', name: buurt.name });
        expect(people.teams.map((t: any) => t.team.id), buurt.name).toEqual(area.teams.map((t: any) => t.id));
      }
    }
  });

  it('shows residents public people only and counts the rest; professionals see everyone', async () => {
    const resident = await get('/api/areas/BU99010103/people');
    const pro = await get('/api/areas/BU99010103/people', PRO);
    let hidden = 0;
    resident.teams.forEach((t: any, i: number) => {
      const all = pro.teams[i];
      expect(all.hidden_member_count).toBe(0);
      expect(t.members.length + t.hidden_member_count, t.team.name).toBe(all.members.length);
      for (const m of t.members) expect(m.person.shown_to).toBe('public');
      for (const m of all.members) expect(m.person.shown_to).toBe('professionals');
      hidden += t.hidden_member_count;
      // same members as the team page, for either audience
      expect(all.members.map((m: any) => m.person.id)).toEqual(expect.arrayContaining(t.members.map((m: any) => m.person.id)));
    });
    expect(hidden).toBeGreaterThan(0);
    const first = pro.teams[0];
    const team = await get(`/api/teams/${first.team.id}`, PRO);
    const keys = Object.keys(first.members[0].person);
    expect(first.members).toEqual(team.members.map(({ membership_id: _, ...m }: any) => ({ ...m, person: Object.fromEntries(keys.map((k) => [k, m.person[k]])) })));
    expect(first.team.category).toBe('first_contact');
  });

  it('takes a wijk as all its buurten, and leaves out people who left', async () => {
    const wijk = await get('/api/areas/WK990101/people', PRO);
    const teams = new Set(wijk.teams.map((t: any) => t.team.id));
    for (const buurt of BUURTEN) {
      const one = await get(`/api/areas/${buurt.code}/people`, PRO);
      for (const t of one.teams) expect(teams.has(t.team.id), t.team.name).toBe(true);
    }
    const centrum = wijk.teams.find((t: any) => t.team.id === teamId('wijkteam_centrum'));
    expect(centrum.members.length).toBeGreaterThan(0);
    expect(centrum.members.map((m: any) => m.person.name)).not.toContainEqual(expect.stringContaining('Çelik'));
  });

  it('shows team-level fields only to audiences allowed them', async () => {
    const withAvailability = (body: any) => body.teams.flatMap((t: any) => t.members).filter((m: any) => m.person.availability_note);
    expect(withAvailability(await get('/api/areas/WK990101/people', ADMIN)).length).toBeGreaterThan(0);
    expect(withAvailability(await get('/api/areas/WK990101/people', PRO))).toEqual([]);
  });

  it('answers 404 for an unknown area and 400 for a malformed code, and is never cached publicly', async () => {
    const missing = await getJson(app, '/api/areas/BU12345678/people');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
    const bad = await getJson(app, '/api/areas/nope/people');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('code');
    expect((await getJson(app, '/api/areas/BU99010101/people')).headers['cache-control']).toBe('private, no-store');
    const docs = await get('/docs/json');
    expect(docs.paths['/api/areas/{code}/people']).toBeDefined();
  });
});
