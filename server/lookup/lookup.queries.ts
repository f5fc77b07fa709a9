// "Which area is this?" and "who is near?": free functions, db first, no HTTP.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS } from '../domain/audience';

export interface Point { lon: number; lat: number }
export interface AreaRef { code: string; name: string }
export interface AreaChain { buurt: AreaRef; wijk: AreaRef | null; gemeente: AreaRef | null }

/** Team types found by distance rather than by service area (taxonomy.md). */
const LOCATION_BASED_TYPES = ['gp_practice', 'physiotherapy', 'school'] as const;

const ref = (code: string | null, name: string | null): AreaRef | null => (code && name ? { code, name } : null);

/** Buurten with their wijk and gemeente in one query (every lookup needs all three). */
function buurtWithParents(db: Kysely<DB>) {
  return db.selectFrom('areas as b')
    .leftJoin('areas as w', 'w.code', 'b.parent_code')
    .leftJoin('areas as g', 'g.code', 'w.parent_code')
    .where('b.kind', '=', 'buurt')
    .select(['b.code', 'b.name', 'w.code as w_code', 'w.name as w_name', 'g.code as g_code', 'g.name as g_name']);
}

type ChainRow = { code: string; name: string; w_code: string | null; w_name: string | null; g_code: string | null; g_name: string | null };
export const toChain = (row: ChainRow): AreaChain =>
  ({ buurt: { code: row.code, name: row.name }, wijk: ref(row.w_code, row.w_name), gemeente: ref(row.g_code, row.g_name) });

/** The buurt with its wijk and gemeente, or undefined when we don't know that buurt code. */
export async function areaChain(db: Kysely<DB>, buurtCode: string): Promise<AreaChain | undefined> {
  const row = await buurtWithParents(db).where('b.code', '=', buurtCode).executeTakeFirst();
  return row && toChain(row);
}

// areas_bbox_idx leads with min_lon, and "min_lon <= x" alone would cover half the
// country, so the planner scans the table. A lower bound (x minus the widest buurt)
// makes it a narrow index range. The width is cached per database handle for a minute.
// Several instances share one database, so an import through another one may make the
// cached width too narrow; a too-narrow width can only cause a miss (never a wrong buurt),
// so buurtAt validates the cache against the database exactly then: on a miss it reads the
// width afresh and retries when it grew.
const WIDTH_TTL_MS = 60_000;
const widestBuurt = new WeakMap<object, { width: number; expires: number }>();

async function widestBuurtLon(db: Kysely<DB>, fresh = false): Promise<number> {
  const hit = widestBuurt.get(db);
  if (!fresh && hit && hit.expires > Date.now()) return hit.width;
  const row = await db.selectFrom('areas').where('kind', '=', 'buurt')
    .select(sql<number | null>`max(max_lon - min_lon)`.as('width')).executeTakeFirst();
  const width = (row?.width ?? 0) + 1e-9;
  widestBuurt.set(db, { width, expires: Date.now() + WIDTH_TTL_MS });
  return width;
}

/** Buurten whose bounding box holds the point (the SQL prefilter before the exact test), with their parents. */
function buurtBboxCandidates(db: Kysely<DB>, point: Point, widestLon: number) {
  return buurtWithParents(db).select('b.geometry')
    .where('b.min_lon', '>=', point.lon - widestLon).where('b.min_lon', '<=', point.lon).where('b.max_lon', '>=', point.lon)
    .where('b.min_lat', '<=', point.lat).where('b.max_lat', '>=', point.lat)
    .orderBy('b.code');
}

/** The buurt whose boundary contains the point (exact test in TypeScript, no PostGIS). */
export async function buurtAt(db: Kysely<DB>, point: Point): Promise<AreaChain | undefined> {
  const cached = await widestBuurtLon(db);
  let candidates = await buurtBboxCandidates(db, point, cached).execute();
  let code = firstContaining(candidates, point);
  if (code === undefined) {
    const width = await widestBuurtLon(db, true);
    if (width > cached) {
      candidates = await buurtBboxCandidates(db, point, width).execute();
      code = firstContaining(candidates, point);
    }
  }
  const row = candidates.find((c) => c.code === code);
  return row && toChain(row);
}

export function firstContaining(candidates: { code: string; geometry: unknown }[], point: Point): string | undefined {
  for (const c of candidates) {
    const geometry = c.geometry as Polygon | MultiPolygon | null;
    if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
      && booleanPointInPolygon([point.lon, point.lat], geometry)) return c.code;
  }
  return undefined;
}

/** Buurten (with parents and bbox) whose most common PC4 postcode is this one: the offline approximation. */
export async function buurtenByPostcode(db: Kysely<DB>, pc4: string) {
  return buurtWithParents(db).select(['b.min_lon', 'b.min_lat', 'b.max_lon', 'b.max_lat'])
    // @> (not = any) so a GIN index on postcodes can serve it
    .where(sql<boolean>`b.postcodes @> array[${pc4}]::text[]`)
    .orderBy('b.code').limit(50).execute();
}

const EARTH_RADIUS_M = 6_371_008.8;
const ADDRESS = sql<string>`l.street || ' ' || l.house_number || ', ' || substr(l.postcode, 1, 4) || ' ' || substr(l.postcode, 5) || ' ' || l.city`;

/**
 * Locations of location-based teams around the point, nearest first. The lat/lon range
 * is a bounding box around the radius, so the planner can use locations_latlon_idx; the
 * haversine distance then orders the few rows left.
 */
function nearbyLocationsQuery(db: Kysely<DB>, point: Point, radiusM: number, limit: number) {
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01));
  const distance = sql<number>`${2 * EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(l.lat - ${point.lat}::float8) / 2), 2)
    + cos(radians(${point.lat}::float8)) * cos(radians(l.lat)) * power(sin(radians(l.lon - ${point.lon}::float8) / 2), 2))))`;
  return db.selectFrom('locations as l')
    .innerJoin('team_locations as tl', 'tl.location_id', 'l.id')
    .innerJoin('teams as t', 't.id', 'tl.team_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where('l.lat', '>=', point.lat - dLat).where('l.lat', '<=', point.lat + dLat)
    .where('l.lon', '>=', point.lon - dLon).where('l.lon', '<=', point.lon + dLon)
    .where('l.archived_at', 'is', null).where(teamVisibleTo(ANONYMOUS))
    .where('t.team_type', 'in', [...LOCATION_BASED_TYPES])
    .select([
      't.id as team_id', 't.name as team_name', 't.team_type', 'o.id as org_id', 'o.name as org_name',
      'l.id as location_id', ADDRESS.as('address'), 'l.lat', 'l.lon', distance.as('distance_m'),
    ])
    .orderBy('distance_m').orderBy('l.id')
    .limit(limit);
}

/** Nearest location per team, at most `perType` teams of each location-based type. */
export async function nearestLocations(db: Kysely<DB>, point: Point, opts = { radiusM: 5000, perType: 3 }) {
  const rows = await nearbyLocationsQuery(db, point, opts.radiusM, 200).execute();
  return pickNearest(rows, opts);
}

function pickNearest(rows: Awaited<ReturnType<ReturnType<typeof nearbyLocationsQuery>['execute']>>, opts: { radiusM: number; perType: number }) {
  const seenTeams = new Set<string>();
  const perType = new Map<string, number>();
  const picked = [];
  for (const r of rows) {
    const count = perType.get(r.team_type) ?? 0;
    if (r.distance_m > opts.radiusM || seenTeams.has(r.team_id) || count >= opts.perType) continue;
    seenTeams.add(r.team_id);
    perType.set(r.team_type, count + 1);
    picked.push({
      team: { id: r.team_id, name: r.team_name, team_type: r.team_type, organisation: { id: r.org_id, name: r.org_name } },
      location: { id: r.location_id, address: r.address, lat: r.lat, lon: r.lon },
      distance_m: Math.round(r.distance_m),
    });
  }
  const order = (type: string) => LOCATION_BASED_TYPES.indexOf(type as (typeof LOCATION_BASED_TYPES)[number]);
  return picked.sort((a, b) => order(a.team.team_type) - order(b.team.team_type) || a.distance_m - b.distance_m);
}
