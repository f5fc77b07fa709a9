// Bounding box of GeoJSON geometries (Polygon / MultiPolygon), lon/lat.
type Bbox = [number, number, number, number];

export function boundsOf(features: Array<{ geometry: unknown }>): Bbox | null {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of features) visit((f.geometry as { coordinates?: unknown } | null)?.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}
