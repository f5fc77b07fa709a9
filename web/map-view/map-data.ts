// What the map asks the server for one view: boundaries of the level and simplification
// band that fit the zoom, and markers clustered for that zoom, both for the viewport plus
// a margin (so a small pan needs no request), snapped to a grid (so a return to the same
// place revalidates with a 304 instead of downloading again).
import { api, getJson, withQuery, type Boundaries, type MarkerList } from '../api/client';
import type { BBox } from '../map/leaflet-adapter';

type Kind = 'gemeente' | 'wijk' | 'buurt';
type Band = 'low' | 'mid' | 'high';
interface AreaLayer { kind: Kind; band: Band }

/** Gemeenten at the national view, wijken for a city, buurten (with their wijk) once zoomed in. */
export function layersFor(zoom: number): AreaLayer[] {
  if (zoom < 10) return [{ kind: 'gemeente', band: 'low' }];
  if (zoom < 13) return [{ kind: 'wijk', band: 'mid' }];
  return [{ kind: 'wijk', band: 'mid' }, { kind: 'buurt', band: 'high' }];
}

/** The viewport grown by `margin` of its size on every side, snapped outward to a zoom-sized grid. */
export function fetchBox(b: BBox, zoom: number, margin = 0.25): BBox {
  const step = 0.001 * 2 ** Math.max(0, Math.min(10, 16 - Math.floor(zoom)));
  const w = (b[2] - b[0]) * margin, h = (b[3] - b[1]) * margin;
  const down = (x: number) => Math.floor(x / step) * step, up = (x: number) => Math.ceil(x / step) * step;
  return [Math.max(-180, down(b[0] - w)), Math.max(-85, down(b[1] - h)), Math.min(180, up(b[2] + w)), Math.min(85, up(b[3] + h))]
    .map((x) => Number(x.toFixed(4))) as BBox;
}

export const contains = (outer: BBox, inner: BBox) =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

const box = (b: BBox) => b.join(',');

export const fetchBoundaries = (layer: AreaLayer, bbox: BBox, signal: AbortSignal) =>
  getJson<Boundaries>(withQuery('/api/map/boundaries', { kind: layer.kind, band: layer.band, bbox: box(bbox) }), signal);

export const fetchMarkers = (filters: Record<string, string | undefined>, bbox: BBox, zoom: number, signal: AbortSignal) =>
  getJson<MarkerList>(withQuery('/api/map/markers', { ...filters, bbox: box(bbox), zoom: Math.round(zoom) }), signal);

// Asked once per page load, and early (web/main.tsx) on /kaart, beside the JS still loading.
let extent: Promise<{ bbox: BBox | null }> | undefined;
export const fetchExtent = () => {
  if (!extent) {
    extent = getJson<{ bbox: BBox | null }>('/api/map/extent');
    extent.catch(() => { extent = undefined; });
  }
  return extent;
};

/**
 * Everything the first draw of /kaart needs before its boundaries and markers, asked at
 * once as the page starts (not in waves behind the lazy map chunk): the map's code, the
 * taxonomy, the map configuration and, when the URL names no place, the extent to open on.
 */
export function prefetchMap(query: URLSearchParams, load: () => Promise<unknown>): void {
  void load().catch(() => {});
  void api.config().catch(() => {});
  void api.topics().catch(() => {});
  void api.teamTypes().catch(() => {});
  if (!query.get('lat') && !query.get('buurt')) void fetchExtent().catch(() => {});
}
