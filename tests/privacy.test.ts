// Walks every public endpoint as a resident and looks for anything of a person that only
// professionals may see: 06 numbers, work email addresses, notes. None may appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from './helpers/app';

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
  const people = await t.database.db.selectFrom('people')
    .select(['phone_mobile', 'email_work', 'email_work_visibility', 'phone_work', 'phone_work_visibility', 'private_notes', 'availability_note']).execute();
  secrets = people.flatMap((p) => [
    p.phone_mobile,
    p.email_work_visibility === 'public' ? null : p.email_work,
    p.phone_work_visibility === 'public' ? null : p.phone_work,
    p.private_notes, p.availability_note,
  ]).filter((s): s is string => !!s && s.length > 4);
  expect(secrets.length).toBeGreaterThan(50);
});
afterAll(async () => { await t?.close(); });

describe('anonymous responses', () => {
  it('contain no field a resident may not see, on any endpoint', async () => {
    for (const url of ['/api/health', '/api/config', '/api/topics', '/api/team-types', '/api/map/markers',
      '/api/map/boundaries?kind=buurt', '/api/map/boundaries?kind=wijk', '/docs/json']) await visit(url);
    const areas = await visit('/api/areas');
    for (const a of areas.items) await visit(`/api/areas/${a.code}`);
    const orgs = await visit('/api/organisations?per_page=100');
    for (const o of orgs.items) await visit(`/api/organisations/${o.id}`);
    const personIds = new Set<string>();
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
      if (url !== '/docs/json') expect(body, url).not.toMatch(/"(phone_mobile|private_notes|availability_note|working_days)"/);
      for (const secret of secrets) expect(body.includes(secret), `${url} leaks ${secret}`).toBe(false);
    }
  });
});
