// Markers for one viewport at one zoom: clusters from the cached supercluster index plus
// the single points, never more than MAX_ITEMS however wide the box or deep the zoom.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { BBox } from '../http/schemas';
import { CLUSTER_MAX_ZOOM, markerIndex } from './map.cache';
import type { MarkerRow } from './map.queries';
import type { MarkersQuery } from './map.schemas';

export const MAX_ITEMS = 4000;
export const CLUSTER_FIELDS = ['lat', 'lon', 'count', 'expansion_zoom', 'cluster_id'];
type ClusterTuple = [number, number, number, number, number];

const WORLD: BBox = [-180, -85, 180, 85];

export async function clusteredMarkers(db: Kysely<DB>, query: MarkersQuery & { zoom: number }) {
  const { rows, index } = await markerIndex(db, query);
  const bbox = query.bbox ?? WORLD;
  // A wide box at a deep zoom (no real map asks that) would list every point: zoom out until it fits.
  for (let zoom = Math.floor(query.zoom); ; zoom--) {
    const features = index.getClusters(bbox, Math.min(zoom, CLUSTER_MAX_ZOOM + 1));
    if (features.length > MAX_ITEMS && zoom > 0) continue;
    const items: MarkerRow[] = [];
    const clusters: ClusterTuple[] = [];
    let total = 0;
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
      if (p.cluster) {
        clusters.push([lat, lon, p.point_count!, index.getClusterExpansionZoom(p.cluster_id!), p.cluster_id!]);
        total += p.point_count!;
      } else { items.push(rows[p.i!]!); total += 1; }
    }
    return { zoom, items, clusters, total };
  }
}
