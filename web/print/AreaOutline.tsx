// A small static map: the area's outline drawn as inline SVG from its GeoJSON geometry.
// No tiles, no Leaflet: it prints crisply and works offline. Longitude is scaled by
// cos(latitude) so the shape is not stretched.
type Ring = Array<[number, number]>;
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | null | undefined;

export function AreaOutline({ geometry, label, size = 120 }: { geometry: unknown; label: string; size?: number }) {
  const geo = geometry as Geometry;
  if (!geo || (geo.type !== 'Polygon' && geo.type !== 'MultiPolygon')) return null;
  const polygons: Ring[][] = geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates;
  const points = polygons.flat(2);
  if (points.length === 0) return null;
  const lats = points.map((p) => p[1]);
  const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI / 180);
  const xs = points.map((p) => p[0] * k);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const pad = 6;
  const scale = (size - 2 * pad) / span;
  const project = ([lon, lat]: [number, number]) =>
    `${(pad + (lon * k - minX) * scale).toFixed(1)},${(pad + (maxY - lat) * scale).toFixed(1)}`;
  const d = polygons.map((rings) => rings.map((ring) => `M${ring.map(project).join('L')}Z`).join('')).join('');
  return (
    <svg class="area-outline" viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-label={label}>
      <path d={d} fill="#e8eef5" stroke="#154273" stroke-width="2" stroke-linejoin="round" fill-rule="evenodd" />
    </svg>
  );
}
