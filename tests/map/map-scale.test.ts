// The map at national scale: clustered markers per viewport and zoom (counts add up, never
// more than a few thousand items), a cache that sees writes made behind its back, weak
// ETags, boundaries per band and bbox, area pickers by level/parent/name, and the PC4
// approximation asking for its teams in one query.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsServing } from '../../server/areas/areas.queries';
import type { Database } from '../../server/db/database';
import { ANONYMOUS } from '../../server/domain/audience';
import { MAX_ITEMS } from '../../server/map/map.clusters';
import { noneMatch } from '../../server/http/content-etag';
import { lookup } from '../../server/lookup/lookup.resolve';
import { buildTestApp, getJson } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';

const NL = '3.3,50.7,7.3,53.6';
const GENERATED = 5000;

let database: Database;
let app: FastifyInstance;
let other: FastifyInstance; // a second instance on the same database
let bandsMissingAtStart = 0;
beforeAll(async () => {
  database = await createSeededDatabase();
  bandsMissingAtStart = Number((await sql<{ n: string }>`select count(*) as n from areas
    where geometry is not null and geometry_high is null`.execute(database.db)).rows[0]!.n);
  // 5,000 teams, each at its own location, spread over the country (deterministic).
  await sql`insert into locations (name, street, house_number, postcode, city, lat, lon)
    select 'gen ' || g, 'Straat', g::text, '1234AB', 'Plaats',
      50.8 + ((g * 7919) % 2700) / 1000.0, 3.4 + ((g * 104729) % 3800) / 1000.0
    from generate_series(1, ${GENERATED}) g`.execute(database.db);
  await sql`insert into teams (organisation_id, name, team_type)
    select (select id from organisations order by id limit 1), 'gen ' || g, 'social_district_team'
    from generate_series(1, ${GENERATED}) g`.execute(database.db);
  await sql`insert into team_locations (team_id, location_id)
    select t.id, l.id from teams t join locations l on l.name = t.name where t.name like 'gen %'`.execute(database.db);
  app = await buildTestApp(database);
  other = await buildTestApp(database);
});
afterAll(async () => { await other?.close(); await app?.close(); await database?.close(); });

const sum = (body: { items: unknown[]; clusters: [number, number, number][] }) =>
  body.items.length + body.clusters.reduce((n, c) => n + c[2], 0);

describe('markers per viewport and zoom', () => {
  it('clusters the whole country at a low zoom: few items, counts adding up to every marker', async () => {
    const all = await getJson(app, `/api/map/markers?bbox=${NL}`);
    expect(all.body.items.length).toBeGreaterThanOrEqual(GENERATED);
    const { status, body } = await getJson(app, `/api/map/markers?bbox=${NL}&zoom=8`);
    expect(status).toBe(200);
    expect(body.clusters.length).toBeGreaterThan(0);
    expect(body.items.length + body.clusters.length).toBeLessThan(2000);
    expect(sum(body)).toBe(all.body.items.length);
    expect(body.total).toBe(all.body.items.length);
    expect(body.cluster_fields).toEqual(['lat', 'lon', 'count', 'expansion_zoom', 'cluster_id']);
    for (const [, , count, expansion] of body.clusters) { expect(count).toBeGreaterThan(1); expect(expansion).toBeGreaterThan(8); }
  });

  it('gives single points at a street zoom, the same as the unclustered list of that box', async () => {
    const box = '5.30,52.36,5.40,52.40'; // the demo wijk
    const plain = await getJson(app, `/api/map/markers?bbox=${box}`);
    const { body } = await getJson(app, `/api/map/markers?bbox=${box}&zoom=19`);
    expect(body.clusters).toEqual([]);
    expect(new Set(body.items.map((i: string[]) => `${i[2]}/${i[5]}`))).toEqual(new Set(plain.body.items.map((i: string[]) => `${i[2]}/${i[5]}`)));
  });

  it('never lists more than a few thousand items, whatever the box and zoom', async () => {
    const { body } = await getJson(app, `/api/map/markers?bbox=${NL}&zoom=19`);
    expect(body.items.length + body.clusters.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(sum(body)).toBe(body.total);
    expect(body.total).toBeGreaterThanOrEqual(GENERATED);
  });

  it('filters by type before clustering', async () => {
    const plain = await getJson(app, `/api/map/markers?bbox=${NL}&type=gp_practice`);
    const { body } = await getJson(app, `/api/map/markers?bbox=${NL}&zoom=9&type=gp_practice`);
    expect(plain.body.items.length).toBeGreaterThan(0);
    expect(sum(body)).toBe(plain.body.items.length);
  });

  it('rejects a bad zoom with a 400 naming the field', async () => {
    const { status, body } = await getJson(app, '/api/map/markers?zoom=99');
    expect(status).toBe(400);
    expect(JSON.stringify(body.details)).toContain('zoom');
  });
});

describe('the marker cache follows the database', () => {
  it('sees a team written straight into the database, by this or another instance', async () => {
    const url = `/api/map/markers?bbox=${NL}&zoom=8`;
    const before = (await getJson(app, url)).body.total;
    await getJson(other, url); // both instances have it cached now
    await sql`with l as (insert into locations (street, house_number, postcode, city, lat, lon)
        values ('Nieuw', '1', '1234AB', 'Plaats', 52.1, 5.1) returning id),
      t as (insert into teams (organisation_id, name, team_type)
        values ((select id from organisations order by id limit 1), 'brand new', 'social_district_team') returning id)
      insert into team_locations select t.id, l.id from t, l`.execute(database.db);
    expect((await getJson(app, url)).body.total).toBe(before + 1);
    expect((await getJson(other, url)).body.total).toBe(before + 1);
  });

  it('sees a rename and an archive made in the database', async () => {
    const url = '/api/map/markers?bbox=5.09,52.09,5.11,52.11&zoom=19';
    expect((await getJson(app, url)).body.items.map((i: string[]) => i[4])).toContain('brand new');
    await sql`update teams set name = 'renamed', version = version + 1, updated_at = now() where name = 'brand new'`.execute(database.db);
    expect((await getJson(other, url)).body.items.map((i: string[]) => i[4])).toContain('renamed');
    await sql`update teams set archived_at = now(), version = version + 1, updated_at = now() where name = 'renamed'`.execute(database.db);
    expect((await getJson(app, url)).body.items.map((i: string[]) => i[4])).not.toContain('renamed');
  });
});

describe('ETag and 304', () => {
  it('sends a weak ETag and honours exact, weak, listed and * If-None-Match', async () => {
    const url = `/api/map/markers?bbox=${NL}&zoom=8`;
    const first = await getJson(app, url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[^"]+"$/);
    const strong = etag.slice(2);
    for (const header of [etag, strong, `"nope", ${etag}`, `W/"x",${strong}`, '*']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'if-none-match': header } });
      expect(res.statusCode, header).toBe(304);
      expect(res.body).toBe('');
    }
    const miss = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"nope", W/"other"' } });
    expect(miss.statusCode).toBe(200);
    expect(miss.headers.etag).toBe(etag);
    const bounds = await getJson(app, '/api/map/boundaries?kind=buurt&band=mid');
    const again = await app.inject({ method: 'GET', url: '/api/map/boundaries?kind=buurt&band=mid', headers: { 'if-none-match': `W/"a", ${bounds.headers.etag}` } });
    expect(again.statusCode).toBe(304);
  });

  it('compares tags weakly and takes commas inside tags literally', () => {
    expect(noneMatch('W/"a,b"', '"a,b"')).toBe(true);
    expect(noneMatch('"a", "b"', 'W/"b"')).toBe(true);
    expect(noneMatch('"ab"', 'W/"a"')).toBe(false);
    expect(noneMatch(undefined, 'W/"a"')).toBe(false);
  });
});

describe('boundaries per band and viewport', () => {
  it('fills missing bands on first use and serves every band with the same areas', async () => {
    const missing = async () => Number((await sql<{ n: string }>`select count(*) as n from areas where geometry is not null and geometry_high is null`.execute(database.db)).rows[0]!.n);
    expect(bandsMissingAtStart).toBeGreaterThan(0); // the demo seed writes no bands itself
    const codes: Record<string, string[]> = {};
    for (const band of ['low', 'mid', 'high', 'full']) {
      const { status, body } = await getJson(app, `/api/map/boundaries?kind=buurt&band=${band}`);
      expect(status).toBe(200);
      codes[band] = body.features.map((f: { id: string }) => f.id);
      for (const f of body.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(await missing()).toBe(0);
    expect(codes.low).toEqual(codes.full);
    expect(codes.mid).toEqual(codes.full);
    expect(codes.high).toEqual(codes.full);
  });

  it('answers only the areas whose box meets the viewport', async () => {
    const all = (await getJson(app, '/api/map/boundaries?kind=buurt&band=high')).body.features;
    const west = (await getJson(app, '/api/map/boundaries?kind=buurt&band=high&bbox=5.330,52.365,5.335,52.370')).body.features;
    expect(west.length).toBeGreaterThan(0);
    expect(west.length).toBeLessThan(all.length);
    expect((await getJson(app, '/api/map/boundaries?kind=gemeente&band=low&bbox=6,53,6.1,53.1')).body.features).toEqual([]);
    expect((await getJson(app, '/api/map/boundaries?band=tiny')).status).toBe(400);
  });

  it('empties the bands when a geometry changes, whoever changes it, and fills them anew', async () => {
    const shifted = { type: 'Polygon', coordinates: [[[5.33, 52.365], [5.34, 52.365], [5.34, 52.37], [5.33, 52.37], [5.33, 52.365]]] };
    await sql`update areas set geometry = ${JSON.stringify(shifted)}::jsonb where code = 'BU99010102'`.execute(database.db);
    const row = await database.db.selectFrom('areas').select(['geometry_low', 'geometry_high']).where('code', '=', 'BU99010102').executeTakeFirstOrThrow();
    expect(row).toEqual({ geometry_low: null, geometry_high: null });
    const { body } = await getJson(app, '/api/map/boundaries?kind=buurt&band=high&bbox=5.33,52.365,5.34,52.37');
    expect(body.features.find((f: { id: string }) => f.id === 'BU99010102').geometry).toEqual(shifted);
  });

  it('tells the map where to open', async () => {
    const { body } = await getJson(app, '/api/map/extent');
    const [a, b, c, d] = body.bbox;
    expect(a).toBeLessThan(c); expect(b).toBeLessThan(d);
    expect(a).toBeCloseTo(5.33, 2);
  });
});

describe('/api/areas by level, parent and name', () => {
  it('filters and pages, keeping { items: [{ code, kind, name, parent_code }] }', async () => {
    const all = await getJson(app, '/api/areas');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: all.body.items.length, page: 1, per_page: 100 });
    expect(Object.keys(all.body.items[0]).sort()).toEqual(['code', 'kind', 'name', 'parent_code']);
    const wijken = (await getJson(app, '/api/areas?kind=wijk&parent=GM9901')).body;
    expect(wijken.items.map((a: { code: string }) => a.code)).toEqual(['WK990101']);
    const byName = (await getJson(app, '/api/areas?kind=buurt&q=vogel')).body;
    expect(byName.items.map((a: { name: string }) => a.name)).toEqual(['Vogelwijk']);
    expect((await getJson(app, '/api/areas?q=%25')).body.items).toEqual([]); // % is a character, not a wildcard
    const page2 = (await getJson(app, '/api/areas?kind=buurt&per_page=3&page=2')).body;
    expect(page2).toMatchObject({ total: 7, page: 2, per_page: 3 });
    expect(page2.items).toHaveLength(3);
    expect((await getJson(app, '/api/areas?per_page=101')).status).toBe(400);
  });
});

describe('the PC4 approximation', () => {
  it('asks for the teams of every candidate buurt in ONE query, same teams as one query per buurt', async () => {
    const buurten = ['BU99010101', 'BU99010103', 'BU99010106'];
    await sql`update areas set postcodes = array['9999'] where code in (${sql.join(buurten)})`.execute(database.db);
    // Kysely also hands subqueries to transformQuery, so count what was executed: one
    // transformResult per query sent, matched to its root node by queryId.
    const nodes = new Map<unknown, string>();
    const executed: string[] = [];
    const counted = database.db.withPlugin({
      transformQuery: (args) => { nodes.set(args.queryId, JSON.stringify(args.node)); return args.node; },
      transformResult: async (args) => { executed.push(nodes.get(args.queryId) ?? ''); return args.result; },
    });
    const result = await lookup(counted, null, ANONYMOUS, { kind: 'postcode', postcode: '9999ZZ', house: { number: 1 } as never });
    expect(result.approximate).toBe(true);
    expect(result.candidates.map((c) => c.code).sort()).toEqual(buurten);
    expect(executed.filter((q) => q.includes('"team_areas"'))).toHaveLength(1);
    // buurten, teams, contacts, contact counts, nearest, and the directory state the people cache keys on
    expect(executed.length).toBeLessThanOrEqual(6);
    const perBuurt = new Set((await Promise.all(buurten.map((b) => teamsServing(database.db, b)))).flat().map((t) => t.id));
    expect(new Set(result.teams.map((t) => t.id))).toEqual(perBuurt);
    expect(result.teams.length).toBeGreaterThan(0);
  });
});
