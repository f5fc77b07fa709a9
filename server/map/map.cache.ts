// Marker indexes (supercluster) built once per filter and kept while the directory is
// unchanged. Several app instances share one database, so "unchanged" is asked of the
// database on every request through its change marker (domain/directory-changes.ts, one
// primary-key read), never assumed from this process: a write through another instance,
// or straight into the database, is seen on the next request.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import Supercluster from 'supercluster';
import type { DB } from '../db/types';
import type { BBox } from '../http/schemas';
import { mapExtent, markerTuples, type MarkerRow } from './map.queries';
import type { MarkersQuery } from './map.schemas';
import { hiddenCutoff } from '../domain/staleness';
import { directoryMarker } from '../domain/directory-changes';

export const CLUSTER_MAX_ZOOM = 17; // above this every point stands alone
export const CLUSTER_RADIUS = 60;

export interface MarkerIndex { rows: MarkerRow[]; index: Supercluster<{ i: number }, Record<string, never>> }

const caches = new WeakMap<object, LRUCache<string, Promise<MarkerIndex>>>();

function build(rows: MarkerRow[]): MarkerIndex {
  const index = new Supercluster<{ i: number }, Record<string, never>>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
  index.load(rows.map((r, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [r[1], r[0]] } })));
  return { rows, index };
}

/** The clustered index for one filter (no bbox: the whole country), cached per change marker. */
export async function markerIndex(db: Kysely<DB>, filter: Pick<MarkersQuery, 'type' | 'topic'>): Promise<MarkerIndex> {
  let cache = caches.get(db);
  if (!cache) { cache = new LRUCache({ max: 32 }); caches.set(db, cache); }
  // Marker first: data read after it is at least as new, so the worst case is a rebuild.
  // The staleness cut-off moves by the day: a team hidden by time alone needs a new index.
  const key = `${await directoryMarker(db)}#${hiddenCutoff().toISOString()}#${[...(filter.type ?? [])].sort().join(',')}#${[...(filter.topic ?? [])].sort().join(',')}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = markerTuples(db, { type: filter.type, topic: filter.topic }).then(build);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

// Finished answers (JSON text) of the marker and boundary routes, per change marker and
// request: a repeated viewport costs one marker read and no query, no clustering and no
// serialising. Bounded by size (boundaries run to megabytes), per database.
const bodies = new WeakMap<object, LRUCache<string, Promise<string>>>();
export const BODY_CACHE_BYTES = 64 * 1024 * 1024;

/** The JSON text for `key` while the directory is unchanged, else built afresh by `build`. */
export async function cachedBody(db: Kysely<DB>, key: string, build: () => Promise<unknown>): Promise<string> {
  let cache = bodies.get(db);
  if (!cache) {
    cache = new LRUCache<string, Promise<string>>({ maxSize: BODY_CACHE_BYTES, sizeCalculation: () => 1 });
    bodies.set(db, cache);
  }
  const full = `${await directoryMarker(db)}#${hiddenCutoff().toISOString()}#${key}`;
  let hit = cache.get(full);
  if (!hit) {
    const c = cache;
    hit = build().then((value) => {
      const text = JSON.stringify(value);
      // Now that the size is known, count it (set again replaces the placeholder size of 1).
      if (c.get(full) === hit) c.set(full, hit!, { size: Math.max(1, text.length) });
      return text;
    });
    hit.catch(() => c.delete(full));
    cache.set(full, hit);
  }
  return hit;
}

/** The box around every known boundary (where the map opens), kept while the directory is unchanged. */
export async function cachedExtent(db: Kysely<DB>): Promise<BBox | null> {
  return JSON.parse(await cachedBody(db, 'extent', () => mapExtent(db))) as BBox | null;
}
