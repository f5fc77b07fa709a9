// What the map asks the server for one view: boundaries of the level and simplification
// band that fit the zoom, and markers clustered for that zoom, both for the viewport plus
// a margin (so a small pan needs no request), snapped to a grid (so a return to the same
// place revalidates with a 304 instead of downloading again).
import { api, getJson, withQuery, type AreaItems, type Boundaries, type MarkerList } from '../api/client';
import type { BBox } from '../map/leaflet-adapter';
import { openingView, viewAt } from '../map/opening-view';
import { bootData } from '../api/boot';

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

// Asked once per page load, and early (web/main.tsx) on /kaart, beside the JS still loading;
// given in the page itself when the server put it there (api/boot.ts).
let extent: Promise<{ bbox: BBox | null }> | undefined;
export const fetchExtent = () => {
  const given = bootData().extent;
  if (given !== undefined) return Promise.resolve({ bbox: given });
  if (!extent) {
    extent = getJson<{ bbox: BBox | null }>('/api/map/extent');
    extent.catch(() => { extent = undefined; });
  }
  return extent;
};

/** Where the map opens without a view in the URL and without data: the demo wijk's part of the country. */
export const FALLBACK_BOX: BBox = [5.2, 52.3, 5.5, 52.45];
/** The most the map zooms in to show the whole extent (a one-buurt installation stays readable). */
export const EXTENT_MAX_ZOOM = 15;

// The first boundaries and markers, asked as the page starts (prefetchMap), for the
// ViewLoader's first view to take if they fit it: same layers or zoom, a box holding the view.
interface Early { key: string; box: BBox; answer: Promise<unknown> }
const early: { areas?: Early; markers?: Early } = {};

/** An early answer for `slot` when it was asked for `key` and its box holds `view`; each is taken once. */
export function takeEarly<T>(slot: 'areas' | 'markers', key: string, view: BBox): { box: BBox; answer: Promise<T> } | undefined {
  const found = early[slot];
  delete early[slot];
  return found && found.key === key && contains(found.box, view) ? { box: found.box, answer: found.answer as Promise<T> } : undefined;
}

export const layerKey = (l: AreaLayer) => `${l.kind}-${l.band}`;
export const areaKey = (layers: AreaLayer[]) => layers.map(layerKey).join('+');
export const markerKey = (zoom: number, filters: Record<string, string | undefined>) => `${Math.round(zoom)}|${JSON.stringify(filters)}`;

/** The size of the map on /kaart before its code has loaded: the page's own layout, measured on an invisible copy. */
function mapSize(): { width: number; height: number } | null {
  const main = document.getElementById('inhoud');
  if (!main) return null;
  const probe = document.createElement('div');
  probe.className = 'map-view';
  probe.setAttribute('aria-hidden', 'true');
  probe.style.visibility = 'hidden';
  probe.innerHTML = '<div class="map-view__side"></div><div class="map-view__map"><div class="map-wrap"><div class="map"></div></div></div>';
  main.appendChild(probe);
  const map = probe.querySelector<HTMLElement>('.map')!;
  const size = { width: map.clientWidth, height: map.clientHeight };
  probe.remove();
  return size.width > 0 && size.height > 0 ? size : null;
}

/** A page of the buurt picker's list (map-view/BuurtPicker.tsx): the first page, or those matching `q`. */
const BUURT_PAGE = 100;
export const fetchBuurten = (q: string | undefined, signal?: AbortSignal) =>
  getJson<AreaItems & { total: number }>(withQuery('/api/areas', { kind: 'buurt', q, per_page: BUURT_PAGE }), signal);

// The picker's first page, asked with the page start's other requests (prefetchMap) rather
// than a wave later, when the lazy map chunk mounts the picker; taken once.
let firstBuurten: Promise<AreaItems & { total: number }> | undefined;
export function takeFirstBuurten(): Promise<AreaItems & { total: number }> {
  const found = firstBuurten ?? fetchBuurten(undefined);
  firstBuurten = undefined;
  return found;
}

/**
 * Everything the first draw of /kaart needs, asked at once as the page starts (not in waves
 * behind the lazy map chunk): the map's code, the taxonomy, the map configuration, the buurt
 * picker's first page, and the boundaries and markers of the view the map will open on. That
 * view is worked out here (map/opening-view.ts) from the extent the page carries and the
 * map's size; the map opens on the same view, and its loader takes these answers when they fit.
 */
export function prefetchMap(query: URLSearchParams, load: () => Promise<unknown>): void {
  void load().catch(() => {});
  void api.config().catch(() => {});
  void api.topics().catch(() => {});
  void api.teamTypes().catch(() => {});
  firstBuurten = fetchBuurten(undefined);
  firstBuurten.catch(() => {});
  if (query.get('buurt')) return; // opens on that buurt: its box comes with its own request
  const lat = Number(query.get('lat')), lon = Number(query.get('lon')), z = Number(query.get('z'));
  const given = query.has('lat') && query.has('lon') && query.has('z') && [lat, lon, z].every(Number.isFinite);
  const box = given ? null : bootData().extent;
  if (!given && box === undefined) { void fetchExtent().catch(() => {}); return; }
  const size = mapSize();
  if (!size) return;
  const view = given ? viewAt(lat, lon, z, size.width, size.height) : openingView(box ?? FALLBACK_BOX, size.width, size.height, EXTENT_MAX_ZOOM);
  const layers = layersFor(view.zoom);
  const areas = fetchBox(view.bbox, view.zoom);
  const none = new AbortController().signal;
  early.areas = { key: areaKey(layers), box: areas, answer: Promise.all(layers.map((l) => fetchBoundaries(l, areas, none))) };
  early.areas.answer.catch(() => {});
  // Markers only for the plain map: with anything more in the URL (a filter) the loader asks itself.
  if ([...query.keys()].some((k) => !['lat', 'lon', 'z'].includes(k))) return;
  early.markers = { key: markerKey(view.zoom, {}), box: areas, answer: fetchMarkers({}, areas, view.zoom, none) };
  early.markers.answer.catch(() => {});
}
