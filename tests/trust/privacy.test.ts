// Walks every public endpoint as a resident and looks for anything of a person that only
// professionals may see: 06 numbers, work email addresses, notes, and the photo, "vraag
// mij over" and contact fields a person did not (or no longer) consent to publish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentSecrets } from '../helpers/secrets';
import { createTestApp, getJson, type TestApp } from '../helpers/app';

let t: TestApp;
let secrets: string[];
const seen = new Map<string, string>();

async function visit(url: string) {
  const res = await getJson(t.app, url);
  expect(res.status, url).toBeLessThan(400);
  seen.set(url, res.raw);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // A withdrawn consent counts as none: withdraw one published photo before crawling.
  const withdrawn = await db.selectFrom('person_consents').select('id').where('field', '=', 'photo')
    .where('withdrawn_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('person_consents').set({ withdrawn_at: new Date() }).where('id', '=', withdrawn.id).execute();
  secrets = await residentSecrets(db);
  const active = await db.selectFrom('person_consents').select(['person_id', 'field']).where('withdrawn_at', 'is', null).execute();
  const published = new Set(active.map((c) => `${c.person_id}/${c.field}`));
  const people = await db.selectFrom('people').select(['id', 'photo_url']).execute();
  expect(secrets.length).toBeGreaterThan(150);
  const unpublishedPhotos = people.filter((p) => p.photo_url && !published.has(`${p.id}/photo`));
  expect(unpublishedPhotos.length).toBeGreaterThan(10);
});
afterAll(async () => { await t?.close(); });

describe('anonymous responses', () => {
  it('contain no field a resident may not see, on any endpoint', async () => {
    const personIds = new Set<string>();
    for (const url of ['/api/health', '/api/config', '/api/topics', '/api/team-types', '/api/map/markers',
      '/api/map/boundaries?kind=buurt', '/api/map/boundaries?kind=wijk', '/docs/json']) await visit(url);
    const areas = await visit('/api/areas');
    for (const a of areas.items) {
      await visit(`/api/areas/${a.code}`);
      const serving = await visit(`/api/areas/${a.code}/people`);
      for (const team of serving.teams) for (const m of team.members) personIds.add(m.person.id);
    }
    for (const q of ['schulden', 'psycholoog', 'ervaringsdeskundige', 'Martina', 'POH-GGZ']) {
      const found = await visit(`/api/search?q=${encodeURIComponent(q)}`);
      expect(found.items.some((i: { kind: string }) => i.kind === 'person'), q).toBe(false);
    }
    const orgs = await visit('/api/organisations?per_page=100');
    for (const o of orgs.items) await visit(`/api/organisations/${o.id}`);
    for (let page = 1; ; page++) {
      const teams = await visit(`/api/teams?per_page=100&page=${page}`);
      for (const team of teams.items) {
        const detail = await visit(`/api/teams/${team.id}`);
        for (const m of detail.members) personIds.add(m.person.id);
      }
      if (page * 100 >= teams.total) break;
    }
    const people = await visit('/api/people?per_page=100');
    for (const p of people.items) personIds.add(p.id);
    for (const id of personIds) await visit(`/api/people/${id}`);
    // a hidden person's page is a plain 404 that says nothing about them
    const hidden = await t.database.db.selectFrom('people').select('id').where('public_profile', '=', false).executeTakeFirstOrThrow();
    const res = await getJson(t.app, `/api/people/${hidden.id}`);
    expect(res.status).toBe(404);
    seen.set('hidden person', res.raw);

    expect(seen.size).toBeGreaterThan(40);
    for (const [url, body] of seen) {
      expect(body, url).not.toMatch(/\b06[- ]?\d{8}\b/);
      // (the OpenAPI document names these fields in its schemas; it holds no values)
      if (url !== '/docs/json') expect(body, url).not.toMatch(/"(phone_mobile|private_notes|availability_note|working_days|public_fields)"/);
      // a person's languages are for professionals; a team's (the service's languages) are public
      expect(body, url).not.toContain('"shown_to":"professionals"');
      if (url !== '/docs/json') for (const person of peopleIn(body)) expect(Object.keys(person), url).not.toContain('languages');
      for (const secret of secrets) expect(body.includes(secret), `${url} leaks ${secret}`).toBe(false);
    }
  });
});

/** Every person object in a JSON answer (they carry `shown_to`); none in an answer that is not JSON. */
function peopleIn(body: string): Record<string, unknown>[] {
  let value: unknown;
  try { value = JSON.parse(body); } catch { return []; }
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (v === null || typeof v !== 'object') return;
    if ('shown_to' in v) out.push(v as Record<string, unknown>);
    Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}
