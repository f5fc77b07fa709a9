// Where the map opens on a box: the centre and zoom Leaflet's fitBounds would choose (Web
// Mercator, 256-pixel tiles, the map's zoom snap and limits), and the box then in view.
// Pure arithmetic, no Leaflet: the page start (map-view/map-data.ts prefetchMap) uses it to
// ask for the first boundaries and markers before the map's code has even loaded, and the
// map opens with the same answer, so the two agree.
/** west, south, east, north in degrees (the adapter's BBox is this type). */
export type BBox = [number, number, number, number];

export interface OpeningView { lat: number; lon: number; zoom: number; bbox: BBox }
export interface MapLimits { minZoom: number; maxZoom: number; zoomSnap: number; padding: number }

/** The limits of the main map: createMap and fitBBox (leaflet-adapter.ts) use these very values. */
export const MAIN_MAP: MapLimits = { minZoom: 8, maxZoom: 19, zoomSnap: 0.5, padding: 8 };

const TILE = 256;
const MAX_LAT = 85.0511287798;
const x = (lon: number, zoom: number) => ((lon + 180) / 360) * TILE * 2 ** zoom;
const y = (lat: number, zoom: number) => {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE * 2 ** zoom;
};
const lonAt = (px: number, zoom: number) => (px / (TILE * 2 ** zoom)) * 360 - 180;
const latAt = (py: number, zoom: number) => {
  const n = Math.PI - (2 * Math.PI * py) / (TILE * 2 ** zoom);
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

/** The view of `box` fitted into a map of `width` × `height` pixels, never beyond `maxZoom`. */
export function openingView(box: BBox, width: number, height: number, maxZoom: number, limits: MapLimits = MAIN_MAP): OpeningView {
  const [w, s, e, n] = box;
  const spanX = Math.max(1e-9, x(e, 0) - x(w, 0));
  const spanY = Math.max(1e-9, y(s, 0) - y(n, 0));
  const scale = Math.min((width - 2 * limits.padding) / spanX, (height - 2 * limits.padding) / spanY);
  // Leaflet's getBoundsZoom: round to a hundredth of a snap step, then down to a whole step.
  const steps = Math.round((Math.log2(Math.max(scale, 1e-9)) / limits.zoomSnap) * 100) / 100;
  let zoom = Math.floor(steps) * limits.zoomSnap;
  zoom = Math.max(limits.minZoom, Math.min(limits.maxZoom, maxZoom, zoom));
  const cx = (x(w, zoom) + x(e, zoom)) / 2, cy = (y(n, zoom) + y(s, zoom)) / 2;
  return {
    lat: latAt(cy, zoom), lon: lonAt(cx, zoom), zoom,
    bbox: [lonAt(cx - width / 2, zoom), latAt(cy + height / 2, zoom), lonAt(cx + width / 2, zoom), latAt(cy - height / 2, zoom)],
  };
}

/** The box in view at `zoom` around a centre, on a map of `width` × `height` pixels. */
export function viewAt(lat: number, lon: number, zoom: number, width: number, height: number): OpeningView {
  const cx = x(lon, zoom), cy = y(lat, zoom);
  return { lat, lon, zoom, bbox: [lonAt(cx - width / 2, zoom), latAt(cy + height / 2, zoom), lonAt(cx + width / 2, zoom), latAt(cy - height / 2, zoom)] };
}
