// Marker indexes (supercluster) built once per filter and kept while the directory is
// unchanged. Several app instances share one database, so "unchanged" is asked of the
// database on every request through a cheap fingerprint, never assumed from this process:
// a write through another instance, or straight into the database, is seen at once.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import Supercluster from 'supercluster';
import type { DB } from '../db/types';
import { markerTuples, type MarkerRow } from './map.queries';
import type { MarkersQuery } from './map.schemas';
import { hiddenCutoff } from '../domain/staleness';

export const CLUSTER_MAX_ZOOM = 17; // above this every point stands alone
const CLUSTER_RADIUS = 60;

interface MarkerIndex { rows: MarkerRow[]; index: Supercluster<{ i: number }, Record<string, never>> }

/**
 * What the markers depend on, in one round trip. count + max(updated_at) see inserts,
 * archives and edits; sum(version) also sees an edit committed late by a long transaction
 * (its updated_at may be older than the max already seen); link counts see (un)linking.
 */
async function markerFingerprint(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ f: string }>`select concat_ws('|',
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from teams),
      (select concat_ws(':', count(*), max(updated_at), sum(version)) from locations),
      (select count(*) from team_locations),
      (select count(*) from team_topics)) as f`.execute(db);
  return rows[0]!.f;
}

const caches = new WeakMap<object, LRUCache<string, Promise<MarkerIndex>>>();

function build(rows: MarkerRow[]): MarkerIndex {
  const index = new Supercluster<{ i: number }, Record<string, never>>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
  index.load(rows.map((r, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [r[1], r[0]] } })));
  return { rows, index };
}

/** The clustered index for one filter (no bbox: the whole country), cached per fingerprint. */
export async function markerIndex(db: Kysely<DB>, filter: Pick<MarkersQuery, 'type' | 'topic'>): Promise<MarkerIndex> {
  let cache = caches.get(db);
  if (!cache) { cache = new LRUCache({ max: 32 }); caches.set(db, cache); }
  // Fingerprint first: data read after it is at least as new, so the worst case is a rebuild.
  // The staleness cut-off moves by the day: a team hidden by time alone needs a new index.
  const key = `${await markerFingerprint(db)}#${hiddenCutoff().toISOString()}#${[...(filter.type ?? [])].sort().join(',')}#${[...(filter.topic ?? [])].sort().join(',')}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = markerTuples(db, { type: filter.type, topic: filter.topic }).then(build);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
