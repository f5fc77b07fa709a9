// Boundaries per zoom band: the full CBS geometry simplified (Douglas-Peucker through
// @turf/simplify) to what a pixel can show at that zoom, with coordinates rounded to
// match. One function fills them for every path that writes areas (import, seeds, and
// lazily the first boundary request after a migration), so no path can forget them.
import { simplify } from '@turf/simplify';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';

const BANDS = ['low', 'mid', 'high', 'full'] as const;
export type Band = (typeof BANDS)[number];

// Tolerance in degrees (~ one pixel at the band's zooms at 52° N) and decimals kept.
const SPEC: Record<Exclude<Band, 'full'>, { tolerance: number; decimals: number }> = {
  low: { tolerance: 0.002, decimals: 4 }, // zoom < 10: ~150 m, gemeente outlines
  mid: { tolerance: 0.0003, decimals: 5 }, // zoom 10–13: ~25 m, wijken
  high: { tolerance: 0.00002, decimals: 6 }, // zoom ≥ 13: ~2 m, buurten
};

type Shape = Polygon | MultiPolygon;

const round = (p: Position, f: number): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
const extent = (ring: Position[]) => {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) { minX = Math.min(minX, x!); maxX = Math.max(maxX, x!); minY = Math.min(minY, y!); maxY = Math.max(maxY, y!); }
  return Math.max(maxX - minX, maxY - minY);
};

/** Drops rings smaller than the tolerance (islands and holes no one can see), then rounds. */
function tidy(polygons: Position[][][], tolerance: number, decimals: number): Position[][][] {
  const f = 10 ** decimals;
  const kept = polygons
    .map((rings) => [rings[0]!, ...rings.slice(1).filter((r) => extent(r) >= tolerance)])
    .filter((rings, i) => i === 0 || extent(rings[0]!) >= tolerance);
  return kept.map((rings) => rings.map((ring) => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = round(p, f);
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    while (out.length < 4) out.push(out[0]!); // a ring must stay a valid (if degenerate) ring
    return out;
  }));
}

/** The geometry simplified for one band (the largest part first survives any tidying). */
function simplifyFor(geometry: Shape, band: Exclude<Band, 'full'>): Shape {
  const { tolerance, decimals } = SPEC[band];
  const simple = simplify(geometry, { tolerance, highQuality: false, mutate: false }) as Shape;
  const polygons = simple.type === 'Polygon' ? [simple.coordinates] : [...simple.coordinates].sort((a, b) => extent(b[0]!) - extent(a[0]!));
  const kept = tidy(polygons, tolerance, decimals);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

/**
 * Fills the bands of every area that has a geometry but no bands yet (new rows, and rows
 * whose geometry changed: a trigger empties their bands). Returns how many were filled.
 */
export async function fillBoundaryBands(db: Kysely<DB>, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let filled = 0;
  for (;;) {
    const rows = await db.selectFrom('areas').select(['code', 'geometry'])
      .where('geometry', 'is not', null).where('geometry_high', 'is', null)
      .orderBy('code').limit(batchSize).execute();
    if (rows.length === 0) return filled;
    const values = rows.map((r) => {
      const g = r.geometry as Shape | null;
      // Not a polygon (never from our import): JSON null marks it done rather than looping.
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return [r.code, 'null', 'null', 'null'];
      return [r.code, JSON.stringify(simplifyFor(g, 'low')), JSON.stringify(simplifyFor(g, 'mid')), JSON.stringify(simplifyFor(g, 'high'))];
    });
    // One UPDATE per batch; the geometry itself is untouched, so the reset trigger stays quiet.
    await sql`update areas set geometry_low = v.low::jsonb, geometry_mid = v.mid::jsonb, geometry_high = v.high::jsonb
      from (values ${sql.join(values.map((v) => sql`(${v[0]}, ${v[1]}, ${v[2]}, ${v[3]})`))}) as v(code, low, mid, high)
      where areas.code = v.code`.execute(db);
    filled += rows.length;
    if (rows.length < batchSize) return filled;
  }
}

/** Whether any area still waits for its bands (served by areas_bands_missing_idx). */
export async function bandsMissing(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('areas').select('code')
    .where('geometry', 'is not', null).where('geometry_high', 'is', null).limit(1).executeTakeFirst();
  return Boolean(row);
}
