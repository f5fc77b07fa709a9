// Boundaries of the demo wijk, built so the buurten tile it exactly: every buurt ring is
// walked over one shared grid of jittered vertices, and every grid edge gets its bends
// (intermediate points) computed once. Two neighbours therefore share their border
// coordinate for coordinate, and the wijk outline is the same edges walked round the
// outside. Coordinates are [lon, lat] (RFC 7946), rounded to 6 decimals (~0.1 m).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { stableUnit } from '../ids';
import { GRID, type BuurtKey, type BuurtSeed, buurtByKey } from './areas';

export type Position = [number, number];
export interface PolygonGeometry { type: 'Polygon'; coordinates: Position[][] }
export interface BBox { min_lon: number; min_lat: number; max_lon: number; max_lat: number }

const CELL_LON = GRID.widthLon / GRID.columns;
const CELL_LAT = GRID.heightLat / GRID.rows;
// Small enough that every cell stays a simple convex-ish quadrilateral.
const VERTEX_JITTER = { lon: 0.16 * CELL_LON, lat: 0.1 * CELL_LAT };
const BEND_JITTER = 0.04; // bend offset, as a share of the edge length
const BENDS_PER_EDGE = 2;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const signed = (key: string) => stableUnit(`demo-geometry:${key}`) * 2 - 1; // [-1, 1)

/** Grid vertex (i, j): column line i (0..columns), row line j (0..rows). */
function vertex(i: number, j: number): Position {
  return [
    round6(GRID.originLon + i * CELL_LON + signed(`v${i},${j}:x`) * VERTEX_JITTER.lon),
    round6(GRID.originLat + j * CELL_LAT + signed(`v${i},${j}:y`) * VERTEX_JITTER.lat),
  ];
}

type GridPoint = readonly [number, number];

/** The points strictly between two adjacent grid vertices, in the direction a → b. */
function bends(a: GridPoint, b: GridPoint): Position[] {
  // Computed in one canonical direction so both neighbours get the very same points.
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const [p, q] = forward ? [a, b] : [b, a];
  const [x1, y1] = vertex(p[0], p[1]);
  const [x2, y2] = vertex(q[0], q[1]);
  const points: Position[] = [];
  for (let k = 1; k <= BENDS_PER_EDGE; k++) {
    const t = k / (BENDS_PER_EDGE + 1);
    const offset = signed(`e${p.join(',')}-${q.join(',')}:${k}`) * BEND_JITTER;
    // Perpendicular to the edge: (-dy, dx) scaled by the offset share of its length.
    points.push([round6(x1 + t * (x2 - x1) - offset * (y2 - y1)), round6(y1 + t * (y2 - y1) + offset * (x2 - x1))]);
  }
  return forward ? points : points.reverse();
}

/** A closed ring through the given grid vertices (in order), with each edge's bends. */
function ring(corners: GridPoint[]): Position[] {
  const out: Position[] = [];
  corners.forEach((corner, index) => {
    const next = corners[(index + 1) % corners.length]!;
    out.push(vertex(corner[0], corner[1]), ...bends(corner, next));
  });
  out.push(out[0]!);
  return out;
}

/** Grid vertices round a buurt, counter-clockwise from its south-west corner. */
function buurtCorners({ col, row, span }: BuurtSeed): GridPoint[] {
  const south = Array.from({ length: span + 1 }, (_, k) => [col + k, row] as const);
  const north = Array.from({ length: span + 1 }, (_, k) => [col + span - k, row + 1] as const);
  return [...south, ...north];
}

function outlineCorners(): GridPoint[] {
  const { columns: c, rows: r } = GRID;
  const points: GridPoint[] = [];
  for (let i = 0; i < c; i++) points.push([i, 0]);
  for (let j = 0; j < r; j++) points.push([c, j]);
  for (let i = c; i > 0; i--) points.push([i, r]);
  for (let j = r; j > 0; j--) points.push([0, j]);
  return points;
}

/** Shoelace area in degrees²: positive for a counter-clockwise ring. */
export function signedArea(positions: Position[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < positions.length; k++) {
    const [x1, y1] = positions[k]!;
    const [x2, y2] = positions[k + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function polygon(corners: GridPoint[]): PolygonGeometry {
  const outer = ring(corners);
  if (signedArea(outer) <= 0) throw new Error('Demo geometry: outer ring must be counter-clockwise');
  return { type: 'Polygon', coordinates: [outer] };
}

export function buurtPolygon(key: BuurtKey): PolygonGeometry {
  return polygon(buurtCorners(buurtByKey(key)));
}

/** The wijk outline; the demo gemeente has the same boundary. */
export function outlinePolygon(): PolygonGeometry {
  return polygon(outlineCorners());
}

export function bboxOf(geometry: PolygonGeometry): BBox {
  const outer = geometry.coordinates[0]!;
  const lons = outer.map((p) => p[0]);
  const lats = outer.map((p) => p[1]);
  return { min_lon: Math.min(...lons), min_lat: Math.min(...lats), max_lon: Math.max(...lons), max_lat: Math.max(...lats) };
}

/**
 * A point in a buurt, given as a share of its grid cell: u runs west → east over
 * 0..span, v south → north over 0..1. Bilinear over the cell's four jittered corners,
 * then checked against the real polygon (bends included): locations must lie strictly
 * inside their buurt, never on a border.
 */
export function pointInBuurt(key: BuurtKey, u: number, v: number): { lon: number; lat: number } {
  const buurt = buurtByKey(key);
  const cell = Math.min(Math.floor(u), buurt.span - 1);
  const s = u - cell;
  const [sw, se, ne, nw] = [
    vertex(buurt.col + cell, buurt.row), vertex(buurt.col + cell + 1, buurt.row),
    vertex(buurt.col + cell + 1, buurt.row + 1), vertex(buurt.col + cell, buurt.row + 1),
  ];
  const mix = (axis: 0 | 1) =>
    (1 - s) * (1 - v) * sw[axis] + s * (1 - v) * se[axis] + s * v * ne[axis] + (1 - s) * v * nw[axis];
  const point = { lon: round6(mix(0)), lat: round6(mix(1)) };
  if (!booleanPointInPolygon([point.lon, point.lat], buurtPolygon(key), { ignoreBoundary: true })) {
    throw new Error(`Demo location (${u}, ${v}) is not strictly inside buurt ${buurt.code}`);
  }
  return point;
}
