// The map's data: marker tuples and boundary features, built as JSON text in one pass
// (no per-item validation) because they can run to tens of thousands of rows.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { BBox } from '../http/schemas';
import type { MarkersQuery } from './map.schemas';

export const MARKER_FIELDS = ['lat', 'lon', 'team_id', 'team_type', 'team_name', 'location_id'];

export async function markerTuples(db: Kysely<DB>, query: MarkersQuery) {
  let q = db.selectFrom('team_locations as tl')
    .innerJoin('teams as t', 't.id', 'tl.team_id')
    .innerJoin('locations as l', 'l.id', 'tl.location_id')
    .where('t.archived_at', 'is', null).where('l.archived_at', 'is', null)
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

export async function boundaryFeatures(db: Kysely<DB>, kind: 'gemeente' | 'wijk' | 'buurt', bbox?: BBox) {
  let q = db.selectFrom('areas').select(['code', 'name', 'kind', 'parent_code', 'geometry'])
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
