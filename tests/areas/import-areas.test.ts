// Import of the real CBS boundaries of Hengelo (62 buurten, 10 wijken, 1 gemeente) from
// ../shared/data, then /api/lookup on those polygons.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaRows, describeFeature, type FeatureCollection, importAreas } from '../../server/areas/areas.import';
import type { Database } from '../../server/db/database';
import { getJson } from '../helpers/app';
import { buildTestApp } from '../helpers/app';
import { createSeededDatabase, createTestDatabase } from '../helpers/db';
import { docsForBuurten, type FakeLocatieserver, interiorPoint, startFakeLocatieserver } from '../helpers/fake-locatieserver';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(repoRoot, '../shared/data');
const FILES = ['hengelo-gemeente', 'hengelo-wijken', 'hengelo-buurten'].map((f) => path.join(SHARED, `${f}.geojson`));
const present = FILES.every((f) => existsSync(f));
if (!present && process.env.CI) throw new Error(`CI needs the Hengelo boundaries in ${SHARED} but they are missing`);
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;

describe('feature kinds and codes', () => {
  it('reads CBS names and PDOK statcode/statnaam, and derives parents from the codes', () => {
    expect(describeFeature({ buurtcode: 'BU01640000', buurtnaam: 'Centrum', wijkcode: 'WK016400' })).toEqual({ kind: 'buurt', code: 'BU01640000', name: 'Centrum', parent: 'WK016400' });
    expect(describeFeature({ statcode: 'BU03440533', statnaam: 'Science Park' })).toEqual({ kind: 'buurt', code: 'BU03440533', name: 'Science Park', parent: 'WK034405' });
    expect(describeFeature({ statcode: 'WK034405', statnaam: 'Oost' })).toMatchObject({ kind: 'wijk', parent: 'GM0344' });
    expect(describeFeature({ gemeentecode: '0344', gemeentenaam: 'Utrecht' })).toMatchObject({ kind: 'gemeente', code: 'GM0344', parent: null });
    expect(describeFeature({ naam: 'iets' })).toBeNull();
  });

  it('skips features without a code or without a polygon, and says why', () => {
    const skipped: { code: string | null; reason: string }[] = [];
    const rows = areaRows([{ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { naam: 'x' }, geometry: null },
      { type: 'Feature', properties: { gemeentecode: 'GM0001', gemeentenaam: 'A' }, geometry: { type: 'Point', coordinates: [5, 52] } },
    ] }], skipped);
    expect(rows).toEqual([]);
    expect(skipped.map((s) => s.code)).toEqual([null, 'GM0001']);
  });
});

(present ? describe : describe.skip)(present ? 'Hengelo boundaries (../shared/data)' : `Hengelo boundaries: skipped, ${SHARED} not found`, () => {
  let database: Database;
  let app: FastifyInstance;
  let fake: FakeLocatieserver;
  let buurten: FeatureCollection;
  let first: Awaited<ReturnType<typeof importAreas>>;
  const progress: string[] = [];

  beforeAll(async () => {
    database = await createSeededDatabase();
    const [gemeente, wijken] = [load(FILES[0]!), load(FILES[1]!)];
    buurten = load(FILES[2]!);
    // Buurten first on purpose: the import orders gemeente → wijk → buurt itself.
    first = await importAreas(database.db, [buurten, wijken, gemeente], { onProgress: (m) => progress.push(m) });
    fake = await startFakeLocatieserver({ docs: docsForBuurten(buurten as never) });
    app = await buildTestApp(database, { env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '3000' } });
  });
  afterAll(async () => { await app?.close(); await fake?.close(); await database?.close(); });

  const countOf = async (kind: 'gemeente' | 'wijk' | 'buurt') => Number((await database.db.selectFrom('areas')
    .where('kind', '=', kind).where('code', 'like', kind === 'gemeente' ? 'GM0164' : kind === 'wijk' ? 'WK0164%' : 'BU0164%')
    .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('imports 1 gemeente, 10 wijken, 62 buurten with parents, bbox, postcodes and population', async () => {
    expect(first).toMatchObject({ read: 73, inserted: 73, updated: 0, unchanged: 0, skipped: [] });
    expect([await countOf('gemeente'), await countOf('wijk'), await countOf('buurt')]).toEqual([1, 10, 62]);
    expect(progress.at(-1)).toMatch(/buurt: 73\/73/);
    const centrum = await database.db.selectFrom('areas').selectAll().where('code', '=', 'BU01640000').executeTakeFirstOrThrow();
    expect(centrum).toMatchObject({ kind: 'buurt', name: 'Binnenstad-Centrum', parent_code: 'WK016400', postcodes: ['7551'], population: 880, version: 1 });
    expect([centrum.min_lon, centrum.min_lat, centrum.max_lon, centrum.max_lat]).toEqual([6.788642, 52.26149, 6.798249, 52.267582]);
    expect((centrum.geometry as { type: string }).type).toBe('Polygon');
    const wijk = await database.db.selectFrom('areas').selectAll().where('code', '=', 'WK016409').executeTakeFirstOrThrow();
    expect(wijk).toMatchObject({ parent_code: 'GM0164', kind: 'wijk' });
    expect((wijk.geometry as { type: string }).type).toBe('MultiPolygon');
    const orphans = await database.db.selectFrom('areas as b').leftJoin('areas as w', 'w.code', 'b.parent_code')
      .where('b.code', 'like', 'BU0164%').where('w.kind', 'is distinct from', 'wijk').select('b.code').execute();
    expect(orphans).toEqual([]);
  });

  it('is idempotent: a second import changes nothing (no version bump)', async () => {
    const before = await database.db.selectFrom('areas').select(['code', 'version', 'updated_at']).where('code', 'like', '%0164%').orderBy('code').execute();
    const again = await importAreas(database.db, [load(FILES[0]!), load(FILES[1]!), buurten]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 73 });
    const after = await database.db.selectFrom('areas').select(['code', 'version', 'updated_at']).where('code', 'like', '%0164%').orderBy('code').execute();
    expect(after).toEqual(before);
  });

  it('updates only what changed, bumping version', async () => {
    const changed = structuredClone(buurten);
    changed.features[0]!.properties!.aantal_inwoners = 881;
    expect(await importAreas(database.db, changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 72 }) // 61 buurten + 11 parents named by them;
    const row = await database.db.selectFrom('areas').select(['population', 'version']).where('code', '=', 'BU01640000').executeTakeFirstOrThrow();
    expect(row).toEqual({ population: 881, version: 2 });
    await importAreas(database.db, buurten);
  });

  it('simplifies every boundary per zoom band at import: smaller per band, same box, valid rings', async () => {
    const rows = await database.db.selectFrom('areas').select(['code', 'geometry', 'geometry_low', 'geometry_mid', 'geometry_high', 'min_lon', 'max_lon'])
      .where('code', 'like', '%0164%').where('geometry', 'is not', null).execute();
    expect(rows).toHaveLength(73);
    const size = (g: unknown) => JSON.stringify(g).length;
    let [full, low, mid, high] = [0, 0, 0, 0];
    for (const r of rows) {
      for (const band of [r.geometry_low, r.geometry_mid, r.geometry_high] as { type: string; coordinates: number[][][] | number[][][][] }[]) {
        expect(['Polygon', 'MultiPolygon'], r.code).toContain(band.type);
        const rings = (band.type === 'Polygon' ? [band.coordinates] : band.coordinates) as number[][][][];
        for (const ring of rings.flat()) { expect(ring.length).toBeGreaterThanOrEqual(4); expect(ring.at(-1)).toEqual(ring[0]); }
      }
      expect(size(r.geometry_low)).toBeLessThanOrEqual(size(r.geometry_mid));
      expect(size(r.geometry_mid)).toBeLessThanOrEqual(size(r.geometry_high));
      full += size(r.geometry); low += size(r.geometry_low); mid += size(r.geometry_mid); high += size(r.geometry_high);
    }
    expect(low * 10).toBeLessThan(full);
    expect(mid * 3).toBeLessThan(full);
    expect(high).toBeLessThan(full);
    // over the API: the gemeente outline for the national view is a few KB, not the full boundary
    const gemeente = await app.inject({ method: 'GET', url: '/api/map/boundaries?kind=gemeente&band=low&bbox=6.6,52.2,6.9,52.35' });
    const gemeenteFull = await app.inject({ method: 'GET', url: '/api/map/boundaries?kind=gemeente&band=full&bbox=6.6,52.2,6.9,52.35' });
    expect(gemeente.json().features.map((f: { id: string }) => f.id)).toEqual(['GM0164']);
    expect(gemeente.body.length * 10).toBeLessThan(gemeenteFull.body.length);
  });

  it('a buurt file alone creates missing parents from its codes and names', async () => {
    const db2 = await createTestDatabase();
    try {
      const report = await importAreas(db2.db, buurten);
      expect(report.inserted).toBe(73);
      const wijk = await db2.db.selectFrom('areas').select(['name', 'parent_code', 'geometry']).where('code', '=', 'WK016400').executeTakeFirstOrThrow();
      expect(wijk).toEqual({ name: 'Wijk 00 Binnenstad', parent_code: 'GM0164', geometry: null });
      expect(await importAreas(db2.db, buurten)).toMatchObject({ inserted: 0, updated: 0 });
    } finally { await db2.close(); }
  });

  it.each([
    ['station area', 6.7939, 52.2625, 'BU01640000', 'WK016400'],
    ['Beckum', 6.7375, 52.2197, 'BU01640909', 'WK016409'],
  ])('coordinate at %s (lon %s, lat %s) → %s', async (_name, lon, lat, buurt, wijk) => {
    const { status, body } = await getJson(app, `/api/lookup?lat=${lat}&lon=${lon}`);
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ buurt: { code: buurt }, wijk: { code: wijk }, gemeente: { code: 'GM0164', name: 'Hengelo' } });
    expect(body.resolved_by).toBe('polygon');
  });

  it('an interior point of every one of the 62 buurten resolves to that buurt', async () => {
    for (const f of buurten.features) {
      const { lon, lat } = interiorPoint(f.geometry as never);
      const { body } = await getJson(app, `/api/lookup?lat=${lat}&lon=${lon}`);
      expect(body.area.buurt?.code, `${f.properties!.buurtcode}`).toBe(f.properties!.buurtcode);
    }
  });

  it('a point just outside Hengelo (Enschede centre) has no area', async () => {
    const { body } = await getJson(app, '/api/lookup?lat=52.2215&lon=6.8937');
    expect(body).toMatchObject({ area: { buurt: null, wijk: null, gemeente: null }, teams: [], resolved_by: 'none' });
  });

  it('addresses through the (fake) geocoder use its CBS code; postcode offline uses meest_voorkomende_postcode', async () => {
    const doc = fake.docs.find((d) => d.buurtcode === 'BU01640909')!;
    const byText = await getJson(app, `/api/lookup?address=${encodeURIComponent(String(doc.weergavenaam))}`);
    expect(byText.body).toMatchObject({ resolved_by: 'geocoder', area: { buurt: { code: 'BU01640909' }, wijk: { code: 'WK016409' } } });
    const byPostcode = await getJson(app, `/api/lookup?postcode=${doc.postcode}&number=${doc.huisnummer}`);
    expect(byPostcode.body).toMatchObject({ approximate: false, area: { buurt: { code: 'BU01640909' } } });
    const pc4 = String(doc.postcode).slice(0, 4);
    const offline = await getJson(app, `/api/lookup?postcode=${pc4}ZZ&number=1`);
    expect(offline.body.approximate).toBe(true);
    expect(offline.body.candidates.map((c: { code: string }) => c.code)).toContain('BU01640909');
  });
});
