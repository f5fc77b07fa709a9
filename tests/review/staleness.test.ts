// Staleness with a controllable clock: a team and a person counted from 11, 13 and 16
// months ago are fresh, stale but shown, and hidden from residents; professionals still
// see the hidden ones, marked; "Klopt nog" makes them fresh again; time alone hides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';
import type { Database } from '../../server/db/database';
import { ageFixture, type ReviewFixture } from '../helpers/review-fixture';
import { stalenessOf } from '../../server/domain/staleness';

let database: Database;
let app: FastifyInstance;
let fx: ReviewFixture;
let now = new Date();
let editor: string;
let professional: string;

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database, { beforeReady: (a) => { a.clock = () => now; } });
  fx = await ageFixture(database.db, now);
  editor = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  professional = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
});
afterAll(async () => { await app?.close(); await database?.close(); });

const marks = (body: { stale: boolean; hidden_from_residents: boolean }) => [body.stale, body.hidden_from_residents];

describe(`staleness on ${TEST_BACKEND}`, () => {
  it('counts from the last verification, or from creation, in whole months', () => {
    const at = new Date('2027-06-15T12:00:00Z');
    expect(stalenessOf('2026-07-15T12:00:00Z', '2020-01-01T00:00:00Z', at)).toMatchObject({ stale: false, hidden_from_residents: false });
    expect(stalenessOf('2026-05-15T12:00:00Z', '2020-01-01T00:00:00Z', at)).toMatchObject({ stale: true, hidden_from_residents: false, stale_since: '2027-05-15T12:00:00.000Z' });
    expect(stalenessOf(null, '2026-02-15T12:00:00Z', at)).toMatchObject({ stale: true, hidden_from_residents: true, hidden_from_residents_at: '2027-05-15T12:00:00.000Z' });
  });

  it('marks teams fresh / stale / hidden, and hides only the last from residents', async () => {
    const fresh = await getJson(app, `/api/teams/${fx.teams.fresh.id}`);
    expect(fresh.status).toBe(200);
    expect(marks(fresh.body)).toEqual([false, false]);
    const stale = await getJson(app, `/api/teams/${fx.teams.stale.id}`);
    expect(stale.status).toBe(200);
    expect(marks(stale.body)).toEqual([true, false]);
    expect((await getJson(app, `/api/teams/${fx.teams.hidden.id}`)).status).toBe(404);
    // professionals still see it, marked
    const seen = await getJson(app, `/api/teams/${fx.teams.hidden.id}`, { cookie: professional });
    expect(seen.status).toBe(200);
    expect(marks(seen.body)).toEqual([true, true]);
    const list = await getJson(app, `/api/teams?q=${encodeURIComponent('Buurtteam')}&per_page=100`);
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([fx.teams.fresh.id, fx.teams.stale.id]));
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(fx.teams.hidden.id);
    const proList = await getJson(app, `/api/teams?q=${encodeURIComponent('Zwaluwstaart')}`, { cookie: professional });
    expect(proList.body.items).toMatchObject([{ id: fx.teams.hidden.id, stale: true, hidden_from_residents: true }]);
  });

  it('marks people the same way, through the one visibility rule', async () => {
    const fresh = await getJson(app, `/api/people/${fx.people.fresh.id}`);
    expect(fresh.status).toBe(200);
    expect(marks(fresh.body.person ?? fresh.body)).toEqual([false, false]);
    const stale = await getJson(app, `/api/people/${fx.people.stale.id}`);
    expect(stale.status).toBe(200);
    expect(marks(stale.body.person ?? stale.body)).toEqual([true, false]);
    expect((await getJson(app, `/api/people/${fx.people.hidden.id}`)).status).toBe(404);
    const seen = await getJson(app, `/api/people/${fx.people.hidden.id}`, { cookie: professional });
    expect(seen.status).toBe(200);
    expect(marks(seen.body.person ?? seen.body)).toEqual([true, true]);
  });

  it('"Klopt nog" makes a hidden team and person fresh and visible again', async () => {
    for (const [collection, id] of [['teams', fx.teams.hidden.id], ['people', fx.people.hidden.id]] as const) {
      const read = await getJson(app, `/api/${collection}/${id}`, { cookie: editor });
      const res = await app.inject({ method: 'POST', url: `/api/${collection}/${id}/verify`,
        headers: { cookie: editor, origin: 'http://localhost:80', 'if-match': read.headers.etag as string } });
      expect(res.statusCode, res.body).toBe(200);
      const anon = await getJson(app, `/api/${collection}/${id}`);
      expect(anon.status).toBe(200);
      expect(marks(anon.body.person ?? anon.body)).toEqual([false, false]);
    }
  });

  it('hides by the passing of time alone (the map too, whose cache is keyed by the cut-off day)', async () => {
    const markers = async () => (await getJson(app, '/api/map/markers')).raw;
    expect(await markers()).toContain(fx.teams.stale.id);
    const before = now;
    now = new Date(before.getTime() + 100 * 86_400_000); // 13 + 3.3 months: past the grace
    try {
      expect(await markers()).not.toContain(fx.teams.stale.id);
      expect((await getJson(app, `/api/teams/${fx.teams.stale.id}`)).status).toBe(404);
      expect((await getJson(app, `/api/people/${fx.people.stale.id}`)).status).toBe(404);
    } finally { now = before; }
    expect(await markers()).toContain(fx.teams.stale.id);
  });
});
