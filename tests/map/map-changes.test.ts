// Markers, boundaries and search answer from caches keyed by the directory's change
// marker (domain/directory-changes.ts). A change, even one written straight into the
// database (another instance, a command), shows on the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { directoryMarker } from '../../server/domain/directory-changes';
import { createTestApp, getJson, type TestApp } from '../helpers/app';

let t: TestApp;
let team: { id: string; name: string; location_id: string };
const MARKERS = '/api/map/markers?zoom=17';
const markerNames = async () => {
  const res = await getJson(t.app, MARKERS);
  expect(res.status).toBe(200);
  return new Map((res.body.items as [number, number, string, string, string, string][]).map((r) => [r[5], r[4]]));
};

beforeAll(async () => {
  t = await createTestApp();
  team = await t.database.db.selectFrom('teams as t').innerJoin('team_locations as tl', 'tl.team_id', 't.id')
    .select(['t.id', 't.name', 'tl.location_id']).where('t.archived_at', 'is', null).orderBy('t.id').executeTakeFirstOrThrow();
});
afterAll(async () => { await t?.close(); });

describe('the directory change marker', () => {
  it('moves once per committed transaction that writes, however many rows, and not for reads', async () => {
    const before = await directoryMarker(t.database.db);
    await getJson(t.app, MARKERS);
    await getJson(t.app, '/api/search?q=huisarts');
    expect(await directoryMarker(t.database.db)).toBe(before);
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('teams').set({ description: sql`description` }).where('archived_at', 'is', null).execute();
      await trx.updateTable('locations').set({ name: sql`name` }).execute();
    });
    expect(Number(await directoryMarker(t.database.db))).toBe(Number(before) + 1);
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('teams').set({ name: 'x' }).where('id', '=', team.id).execute();
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(Number(await directoryMarker(t.database.db))).toBe(Number(before) + 1);
  });

  it('an edit straight in the database shows in the markers on the next request', async () => {
    const first = await getJson(t.app, MARKERS);
    const again = await getJson(t.app, MARKERS, { 'if-none-match': first.headers.etag as string });
    expect(again.status).toBe(304);
    expect((await markerNames()).get(team.location_id)).toBe(team.name);
    await t.database.db.updateTable('teams').set({ name: 'Hernoemd Buurtteam Oost' }).where('id', '=', team.id).execute();
    expect((await markerNames()).get(team.location_id)).toBe('Hernoemd Buurtteam Oost');
    await t.database.db.updateTable('locations').set({ archived_at: new Date() }).where('id', '=', team.location_id).execute();
    expect((await markerNames()).has(team.location_id)).toBe(false);
  });

  it('and in search and the boundaries', async () => {
    await getJson(t.app, '/api/search?q=Zonnebloemwerkplaats');
    await t.database.db.updateTable('teams').set({ name: 'Zonnebloemwerkplaats' }).where('id', '=', team.id).execute();
    const found = await getJson(t.app, '/api/search?q=Zonnebloemwerkplaats');
    expect(found.body.items[0]).toMatchObject({ kind: 'team', id: team.id, name: 'Zonnebloemwerkplaats' });
    const boundaries = await getJson(t.app, '/api/map/boundaries?kind=buurt&band=low');
    const area = boundaries.body.features[0].properties.code as string;
    await t.database.db.updateTable('areas').set({ name: 'Nieuwe Buurtnaam' }).where('code', '=', area).execute();
    const next = await getJson(t.app, '/api/map/boundaries?kind=buurt&band=low');
    expect(next.body.features.find((f: { id: string }) => f.id === area).properties.name).toBe('Nieuwe Buurtnaam');
  });
});
