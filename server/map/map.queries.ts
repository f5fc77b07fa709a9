// The map's data: marker tuples and boundary features, built as JSON text in one pass
// (no per-item validation) because they can run to tens of thousands of rows.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { BBox } from '../http/schemas';
import type { Band } from '../areas/areas.bands';
import type { MarkersQuery } from './map.schemas';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS } from '../domain/audience';

export const MARKER_FIELDS = ['lat', 'lon', 'team_id', 'team_type', 'team_name', 'location_id'];
export type MarkerRow = readonly [number, number, string, string, string, string];

export async function markerTuples(db: Kysely<DB>, query: Pick<MarkersQuery, 'bbox' | 'type' | 'topic'>): Promise<MarkerRow[]> {
  let q = db.selectFrom('team_locations as tl')
    .innerJoin('teams as t', 't.id', 'tl.team_id')
    .innerJoin('locations as l', 'l.id', 'tl.location_id')
    .where(teamVisibleTo(ANONYMOUS)).where('l.archived_at', 'is', null)
    .select(['l.lat', 'l.lon', 't.id as team_id', 't.team_type', 't.name', 'l.id as location_id']);
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    q = q.where('l.lon', '>=', minLon).where('l.lon', '<=', maxLon).where('l.lat', '>=', minLat).where('l.lat', '<=', maxLat);
  }
  if (query.type?.length) q = q.where('t.team_type', 'in', query.type);
  if (query.topic?.length) {
    const topics = query.topic;
    q = q.where((eb) => eb.exists(eb.selectFrom('team_topics as ft').select('ft.team_id').whereRef('ft.team_id', '=', 't.id').where('ft.topic_key', 'in', topics)));
  }
  const rows = await q.orderBy('t.id').orderBy('l.id').execute();
  return rows.map((r) => [r.lat, r.lon, r.team_id, r.team_type, r.name, r.location_id] as const);
}

const BAND_COLUMN = { low: 'geometry_low', mid: 'geometry_mid', high: 'geometry_high', full: 'geometry' } as const;

/** Boundaries of one kind in one band, only those whose box meets the viewport's. */
export async function boundaryFeatures(db: Kysely<DB>, kind: 'gemeente' | 'wijk' | 'buurt', bbox?: BBox, band: Band = 'full') {
  let q = db.selectFrom('areas').select(['code', 'name', 'kind', 'parent_code'])
    // a band not filled yet (a write racing the fill) falls back to the full geometry
    .select((eb) => eb.fn.coalesce(BAND_COLUMN[band], 'geometry').as('geometry'))
    .where('kind', '=', kind).where('geometry', 'is not', null);
  if (bbox) {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    q = q.where('max_lon', '>=', minLon).where('min_lon', '<=', maxLon).where('max_lat', '>=', minLat).where('min_lat', '<=', maxLat);
  }
  const rows = await q.orderBy('code').execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const, id: r.code,
      properties: { code: r.code, name: r.name, kind: r.kind, parent_code: r.parent_code },
      geometry: r.geometry,
    })),
  };
}

/** The box around every area with a boundary: where the map opens. */
export async function mapExtent(db: Kysely<DB>): Promise<BBox | null> {
  const r = await db.selectFrom('areas').where('geometry', 'is not', null)
    .select((eb) => [eb.fn.min('min_lon').as('a'), eb.fn.min('min_lat').as('b'), eb.fn.max('max_lon').as('c'), eb.fn.max('max_lat').as('d')])
    .executeTakeFirst();
  return r && r.a !== null && r.b !== null && r.c !== null && r.d !== null ? [r.a, r.b, r.c, r.d] as BBox : null;
}
