// A team and a person hidden for staleness appear in NO anonymous answer: every GET route
// of /docs/json is visited as a resident with the hidden records' ids, codes and names
// filled in. The same crawl with a stale-but-shown team must find it (the crawl can fail).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';
import type { Database } from '../../server/db/database';
import { ageFixture, type ReviewFixture } from '../helpers/review-fixture';
import { type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';

let database: Database;
let app: FastifyInstance;
let fx: ReviewFixture;
let fake: FakeLocatieserver;
const now = new Date();

beforeAll(async () => {
  database = await createSeededDatabase();
  fake = await startFakeLocatieserver();
  app = await buildTestApp(database, { env: { GEOCODER_URL: fake.url }, beforeReady: (a) => { a.clock = () => now; } });
  fx = await ageFixture(database.db, now);
});
afterAll(async () => { await app?.close(); await fake?.close(); await database?.close(); });

/** Concrete anonymous URLs for every GET route, filled in around one team and one person. */
async function urlsAround(teamId: string, personId: string): Promise<string[]> {
  const db = database.db;
  const team = await db.selectFrom('teams').select(['organisation_id', 'name']).where('id', '=', teamId).executeTakeFirstOrThrow();
  const locations = (await db.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id')
    .select(['l.id']).where('tl.team_id', '=', teamId).execute());
  const served = (await db.selectFrom('team_areas').select('area_code').where('team_id', '=', teamId).execute()).map((a) => a.area_code);
  const parents = (await db.selectFrom('areas').select('parent_code').where('code', 'in', served).execute()).flatMap((a) => a.parent_code ?? []);
  const personTeams = (await db.selectFrom('memberships').select(['id', 'team_id']).where('person_id', '=', personId).execute());
  const personAreas = personTeams.length ? (await db.selectFrom('team_areas').select('area_code').where('team_id', 'in', personTeams.map((m) => m.team_id)).execute()).map((a) => a.area_code) : [];
  const codes = [...new Set([...served, ...parents, ...personAreas])];
  const word = team.name.split(' ').pop()!;
  const doc = (await app.inject('/docs/json')).json() as { paths: Record<string, { get?: unknown }> };
  const paths = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([p]) => p);
  expect(paths.length).toBeGreaterThan(40);
  const urls: string[] = [];
  for (const path of paths) {
    const fills: Record<string, string[]> = {
      code: codes, kind: ['teams', 'people', 'organisations', 'locations'], name: [], hash: [],
      id: path.startsWith('/api/teams') || path.startsWith('/hsds/services') ? [teamId]
        : path.startsWith('/api/people') ? [personId]
        : path.startsWith('/api/organisations') || path.startsWith('/hsds/organizations') ? [team.organisation_id]
        : path.startsWith('/api/locations') ? locations.map((l) => l.id)
        : path.startsWith('/api/memberships') ? personTeams.map((m) => m.id) : [],
    };
    let expanded = [path];
    for (const [param, values] of Object.entries(fills)) {
      if (!path.includes(`{${param}}`)) continue;
      expanded = expanded.flatMap((u) => values.map((v) => u.replace(`{${param}}`, encodeURIComponent(v))));
    }
    urls.push(...expanded);
  }
  // the lists and filters that could hold them
  const teamTotal = (await db.selectFrom('teams').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
  for (let page = 1; (page - 1) * 100 < Number(teamTotal); page++) urls.push(`/api/teams?per_page=100&page=${page}`);
  urls.push(`/api/teams?q=${word}`, `/api/people?per_page=100`, `/api/search?q=${word}`, `/api/search?q=wijkteam`,
    `/hsds/services?search=${word}`, `/hsds/services?organization_id=${team.organisation_id}&per_page=100`,
    `/hsds/service_at_locations?per_page=100`, `/hsds/organizations/${team.organisation_id}`);
  for (const code of codes) urls.push(`/api/teams?area=${code}&per_page=100`);
  // an address in each buurt served (the fake geocoder knows one per demo buurt)
  for (const doc of fake.docs.filter((d) => codes.includes(String(d.buurtcode)))) urls.push(`/api/lookup?${new URLSearchParams({ address: String(doc.weergavenaam) })}`);
  for (let page = 1; page <= 20; page++) urls.push(`/hsds/service_at_locations?per_page=100&page=${page}`, `/hsds/services?per_page=100&page=${page}`);
  return [...new Set(urls)];
}

async function crawl(urls: string[]) {
  const bodies = new Map<string, string>();
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    // an error naming the id the asker sent ("team … bestaat niet") tells them nothing new
    bodies.set(url, res.statusCode >= 400 ? res.body.replaceAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (url.includes(id) ? '<asked>' : id)) : res.body);
  }
  return bodies;
}

// A search echoes its words back; those answers are checked for the ids only.
const echoes = (url: string, word: string) => url.includes(`=${word}`) || url.includes(encodeURIComponent(word));

describe(`records hidden for staleness, on ${TEST_BACKEND}`, () => {
  it('appear in no anonymous answer on any GET route', async () => {
    const { hidden } = fx.teams;
    const person = fx.people.hidden;
    const bodies = await crawl(await urlsAround(hidden.id, person.id));
    expect(bodies.size).toBeGreaterThan(60);
    const word = hidden.name.split(' ').pop()!;
    for (const [url, body] of bodies) {
      for (const needle of [hidden.id, person.id]) expect(body.includes(needle), `${url} shows ${needle}`).toBe(false);
      if (!echoes(url, word)) expect(body.includes(hidden.name), `${url} shows ${hidden.name}`).toBe(false);
      expect(body.includes(person.family), `${url} shows ${person.name}`).toBe(false);
    }
  });

  it('while the same crawl finds a stale team and person that are still shown', async () => {
    const { stale } = fx.teams;
    const bodies = await crawl(await urlsAround(stale.id, fx.people.stale.id));
    const word = stale.name.split(' ').pop()!;
    const withTeam = [...bodies].filter(([url, body]) => !echoes(url, word) && body.includes(stale.id)).map(([url]) => url);
    const withPerson = [...bodies].filter(([, body]) => body.includes(fx.people.stale.family)).map(([url]) => url);
    // detail, list, map, area page, HSDS, vCard, QR, search, lookup…
    expect(withTeam.length, withTeam.join('\n')).toBeGreaterThan(8);
    expect(withTeam.some((u) => u.startsWith('/api/map/markers'))).toBe(true);
    for (const start of ['/hsds/', '/api/export/teams.csv', '/api/lookup', '/api/search', '/api/organisations/', '/api/locations/', '/api/areas/']) {
      expect(withTeam.some((u) => u.startsWith(start)), start).toBe(true);
    }
    expect(withTeam.some((u) => u.endsWith('/vcard'))).toBe(true);
    expect(withPerson.length, withPerson.join('\n')).toBeGreaterThan(0);
  });
});
