// THE only module that imports Leaflet. A small imperative API that Preact components
// drive through a ref: base layers, CBS boundaries with names, and team markers clustered
// with supercluster (never thousands of DOM markers).
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type Clustered, MarkerIndex, type MarkerPoint } from './marker-index';
import { categoryColour, typeAbbr } from './team-icons';
import { type BBox, MAIN_MAP } from './opening-view';

export type { MarkerPoint };
export type { BBox };
export interface View { lat: number; lon: number; zoom: number; bbox: BBox }
export interface BoundaryFeature { type: 'Feature'; id?: string; geometry: unknown; properties: { code: string; name: string; kind: string } }
export interface BoundaryCollection { type: 'FeatureCollection'; features: BoundaryFeature[] }
/** A cluster the server made: where, how many, and the zoom at which it falls apart. */
export interface ServerCluster { lat: number; lon: number; count: number; expansionZoom: number; id: number }

export interface MapOptions {
  tiles: { url: string; attribution: string };
  boundaryAttribution: string;
  labels: { baseMap: string; osm: string; boundaries: string; cluster: (n: number) => string };
  /** Category of a team type, for the marker colour. */
  category: (typeKey: string) => string;
  mini?: boolean;
  onMove?: (view: View) => void;
  onMarkerClick?: (teamId: string) => void;
  onAreaClick?: (code: string) => void;
}

export interface MapAdapter {
  setView(lat: number, lon: number, zoom: number): void;
  fitBBox(bbox: BBox, maxZoom?: number): void;
  getView(): View;
  setBoundaries(buurten: BoundaryCollection, wijken?: BoundaryCollection): void;
  /** Boundary layers by key (e.g. `buurt-high`): unchanged areas stay, others come and go. */
  setAreas(layers: { key: string; features: BoundaryFeature[] }[]): void;
  /** Points clustered here in the browser (a handful of locations). */
  setMarkers(points: MarkerPoint[]): void;
  /** Points and clusters as the server made them for the current viewport and zoom. */
  setClustered(points: MarkerPoint[], clusters: ServerCluster[]): void;
  setSelected(teamId: string | null): void;
  setSelectedArea(code: string | null): void;
  destroy(): void;
}

const OSM_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

function markerIcon(p: MarkerPoint, colour: string, selected: boolean): L.DivIcon {
  const cls = selected ? 'team-marker is-selected' : 'team-marker';
  return L.divIcon({
    className: 'team-marker-wrap',
    html: `<span class="${cls}" style="background:${colour}"><span aria-hidden="true">${escapeHtml(typeAbbr(p.type))}</span><span class="sr-only">${escapeHtml(p.name)}</span></span>`,
    iconSize: [30, 30], iconAnchor: [15, 15],
  });
}

function clusterIcon(count: number, label: string): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 52;
  return L.divIcon({
    className: 'cluster-marker-wrap',
    html: `<span class="cluster-marker" style="width:${size}px;height:${size}px"><span aria-hidden="true">${count}</span><span class="sr-only">${escapeHtml(label)}</span></span>`,
    iconSize: [size, size], iconAnchor: [size / 2, size / 2],
  });
}

/** Click, or Enter / Space on a focused marker (Leaflet itself only opens popups on Enter). */
function onActivate(m: L.Marker, fn: () => void): void {
  m.on('click', fn);
  m.on('keydown', (e) => {
    const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
    if (key === 'Enter' || key === ' ') { (e as L.LeafletKeyboardEvent).originalEvent.preventDefault(); fn(); }
  });
}

/** Tooltip content as a text node: a name from an imported file is never parsed as HTML. */
function textContent(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createMap(el: HTMLElement, opts: MapOptions): MapAdapter {
  const mini = Boolean(opts.mini);
  const map = L.map(el, {
    zoomControl: !mini, keyboard: !mini, scrollWheelZoom: !mini, attributionControl: true,
    minZoom: MAIN_MAP.minZoom, maxZoom: MAIN_MAP.maxZoom, zoomSnap: MAIN_MAP.zoomSnap,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const base = L.tileLayer(opts.tiles.url, { attribution: opts.tiles.attribution, maxZoom: 19, maxNativeZoom: 19, crossOrigin: true });
  base.addTo(map);
  // Area names sit above the markers (600) and below tooltips and popups (650+): a cluster
  // badge on a buurt's centre no longer hides its name. The names are text with a halo, and
  // let every click through, so the team or cluster under a name is still one tap away.
  const labelPane = map.createPane('area-labels');
  labelPane.style.zIndex = '625';
  labelPane.style.pointerEvents = 'none';
  const boundaryLayer = L.layerGroup().addTo(map);
  // Areas named on hover (gemeenten at the national view, hundreds of them) share one sticky
  // tooltip that reads the hovered area's name, instead of a tooltip, its listeners and a
  // layer group each: drawing the country's outlines is most of the first draw's work.
  const areaNames = new WeakMap<L.Layer, string>();
  const namedOnHover = L.featureGroup().addTo(boundaryLayer);
  namedOnHover.bindTooltip((l) => textContent(areaNames.get(l) ?? ''), { sticky: true, className: 'area-label area-label--gemeente' });
  const markerLayer = L.layerGroup().addTo(map);
  if (!mini) {
    const osm = L.tileLayer(OSM_URL, { attribution: OSM_ATTRIBUTION, maxZoom: 19 });
    L.control.layers({ [opts.labels.baseMap]: base, [opts.labels.osm]: osm }, { [opts.labels.boundaries]: boundaryLayer }, { collapsed: true }).addTo(map);
  }
  map.attributionControl.addAttribution(opts.boundaryAttribution);

  const index = new MarkerIndex();
  let selectedTeam: string | null = null;
  let selectedArea: string | null = null;
  const areaPaths = new Map<string, L.Path>();
  let areaLayers = new Map<string, L.Layer>();

  const view = (): View => {
    const c = map.getCenter();
    const b = map.getBounds();
    return { lat: c.lat, lon: c.lng, zoom: map.getZoom(), bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  };

  // Markers on the map by key (cluster id or point index): a pan only adds and removes
  // what changed instead of rebuilding every marker.
  let live = new Map<string, L.Marker>();
  const livePoints = new Map<string, MarkerPoint>();

  function pointMarker(p: MarkerPoint): L.Marker {
    const selected = p.teamId === selectedTeam;
    const m = L.marker([p.lat, p.lon], {
      icon: markerIcon(p, categoryColour(opts.category(p.type)), selected), keyboard: !mini,
      title: p.name, zIndexOffset: selected ? 1000 : 0, riseOnHover: true,
    });
    if (opts.onMarkerClick) onActivate(m, () => opts.onMarkerClick?.(p.teamId));
    return m;
  }

  function clusterMarker(lat: number, lon: number, count: number, expansionZoom: () => number): L.Marker {
    const m = L.marker([lat, lon], { icon: clusterIcon(count, opts.labels.cluster(count)), keyboard: !mini, riseOnHover: true });
    onActivate(m, () => map.flyTo([lat, lon], Math.min(expansionZoom(), 18), { duration: 0.4 }));
    return m;
  }

  // Either the browser clusters (setMarkers) or the server did (setClustered).
  let serverItems: Clustered[] | null = null;
  const expansion = new Map<number, number>();

  function render(reset = false): void {
    if (!map.getSize().x) return;
    const v = view();
    el.classList.toggle('map--zoomed-in', v.zoom >= 13.5);
    if (reset) { markerLayer.clearLayers(); live = new Map(); livePoints.clear(); }
    const next = new Map<string, L.Marker>();
    for (const item of serverItems ?? index.clusters(v.bbox, Math.round(v.zoom))) {
      // Server keys carry the position: after a rebuild of the server's index an id may name another place.
      const key = item.cluster ? `c${item.clusterId}/${item.count}/${item.lat},${item.lon}`
        : serverItems ? `p${item.point.teamId}/${item.point.locationId}/${item.point.lat},${item.point.lon}` : `p${item.index}`;
      let m = live.get(key);
      if (!m) {
        const id = item.cluster ? item.clusterId : 0;
        m = item.cluster
          ? clusterMarker(item.lat, item.lon, item.count, () => (serverItems ? expansion.get(id) ?? v.zoom + 2 : index.expansionZoom(id)))
          : pointMarker(item.point);
        markerLayer.addLayer(m);
        if (!item.cluster) livePoints.set(key, item.point);
      }
      next.set(key, m);
    }
    for (const [key, m] of live) if (!next.has(key)) { markerLayer.removeLayer(m); livePoints.delete(key); }
    live = next;
  }

  function restyle(teamIds: Array<string | null>): void {
    for (const [key, p] of livePoints) {
      if (!teamIds.includes(p.teamId)) continue;
      const selected = p.teamId === selectedTeam;
      const m = live.get(key);
      m?.setIcon(markerIcon(p, categoryColour(opts.category(p.type)), selected));
      m?.setZIndexOffset(selected ? 1000 : 0);
    }
  }

  map.on('moveend', () => { if (!serverItems) render(); opts.onMove?.(view()); });

  function styleArea(code: string, kind: string): L.PathOptions {
    if (kind === 'wijk') return { color: '#154273', weight: 3, dashArray: '8 6', fill: false, interactive: false };
    // gemeenten at the national view: outlines with their name on hover (hundreds of permanent labels would be noise)
    if (kind === 'gemeente') return { color: '#154273', weight: 2, opacity: 0.8, fillColor: '#154273', fillOpacity: 0.02, interactive: true };
    const on = code === selectedArea;
    return { color: '#154273', weight: on ? 3 : 1.5, opacity: 0.9, fillColor: '#154273', fillOpacity: on ? 0.16 : 0.04, interactive: Boolean(opts.onAreaClick) };
  }

  return {
    setView: (lat, lon, zoom) => map.setView([lat, lon], zoom, { animate: false }),
    fitBBox: (b, maxZoom = 17) => map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom, animate: false, padding: [MAIN_MAP.padding, MAIN_MAP.padding] }),
    getView: view,
    setBoundaries(buurten, wijken) {
      this.setAreas([{ key: 'wijk', features: wijken?.features ?? [] }, { key: 'buurt', features: buurten.features }]);
    },
    setAreas(layers) {
      const next = new Map<string, L.Layer>();
      for (const { key, features } of layers) {
        for (const f of features) {
          const { code, name, kind } = f.properties;
          const id = `${key}:${code}`;
          const existing = areaLayers.get(id);
          if (existing) { next.set(id, existing); continue; }
          // The area's own polygon (no GeoJSON layer group around each one), styled as it is made.
          const layer = L.GeoJSON.geometryToLayer(f as never, styleArea(code, kind) as L.GeoJSONOptions);
          if (kind === 'gemeente') {
            areaNames.set(layer, name);
            namedOnHover.addLayer(layer);
          } else {
            layer.bindTooltip(textContent(name), { permanent: true, direction: 'center', className: `area-label area-label--${kind}`, pane: 'area-labels', interactive: false });
            if (kind === 'buurt' && opts.onAreaClick) layer.on('click', () => opts.onAreaClick?.(code));
            if (kind === 'buurt') areaPaths.set(code, layer as L.Path);
            boundaryLayer.addLayer(layer);
          }
          next.set(id, layer);
        }
      }
      for (const [id, layer] of areaLayers) {
        if (next.has(id)) continue;
        (namedOnHover.hasLayer(layer) ? namedOnHover : boundaryLayer).removeLayer(layer);
        const code = id.slice(id.indexOf(':') + 1);
        if (areaPaths.get(code) === layer) areaPaths.delete(code); // unless a newer layer took the code over
      }
      areaLayers = next;
    },
    setMarkers(points) { serverItems = null; index.load(points); render(true); },
    setClustered(points, clusters) {
      expansion.clear();
      for (const c of clusters) expansion.set(c.id, c.expansionZoom);
      serverItems = [
        ...clusters.map((c): Clustered => ({ cluster: true, lat: c.lat, lon: c.lon, count: c.count, clusterId: c.id })),
        ...points.map((p, i): Clustered => ({ cluster: false, point: p, index: i })),
      ];
      render();
    },
    setSelected(teamId) {
      if (teamId === selectedTeam) return;
      const before = selectedTeam;
      selectedTeam = teamId;
      restyle([before, teamId]);
    },
    setSelectedArea(code) {
      selectedArea = code;
      for (const [c, path] of areaPaths) path.setStyle(styleArea(c, 'buurt'));
    },
    destroy: () => { map.off(); map.remove(); },
  };
}

export interface AreaPicker { setSelected(codes: readonly string[]): void; destroy(): void }

/**
 * A small map of buurten that toggle on click: an extra beside the checkbox list (the
 * accessible primary control), so it has no keyboard path of its own. Each buurt's path
 * carries the class `area-pick-<code>` so its state can be styled and found.
 */
export function mountAreaPicker(el: HTMLElement, opts: {
  tiles: { url: string; attribution: string }; boundaryAttribution: string;
  boundaries: BoundaryCollection; selected: readonly string[]; onToggle: (code: string) => void;
}): AreaPicker {
  const map = L.map(el, { keyboard: false, scrollWheelZoom: false, minZoom: 8, maxZoom: 18, zoomSnap: 0.5 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(opts.tiles.url, { attribution: opts.tiles.attribution, maxZoom: 19, crossOrigin: true }).addTo(map);
  map.attributionControl.addAttribution(opts.boundaryAttribution);
  let selected = new Set(opts.selected);
  const style = (code: string): L.PathOptions => {
    const on = selected.has(code);
    return { color: '#154273', weight: on ? 2.5 : 1, fillColor: on ? '#0b7a3e' : '#154273', fillOpacity: on ? 0.45 : 0.05,
      className: `area-pick area-pick-${code}${on ? ' is-on' : ''}` };
  };
  const paths = new Map<string, L.Path>();
  const layer = L.geoJSON(opts.boundaries as never, {
    style: (f) => style((f?.properties as { code: string }).code),
    onEachFeature: (f, l) => {
      const { code, name } = f.properties as { code: string; name: string };
      paths.set(code, l as L.Path);
      l.bindTooltip(textContent(name), { sticky: true, className: 'area-label' });
      l.on('click', () => opts.onToggle(code));
    },
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { animate: false, padding: [4, 4] }); else map.setView([52.1, 5.1], 10);
  return {
    setSelected(codes) {
      selected = new Set(codes);
      for (const [code, path] of paths) {
        path.setStyle(style(code));
        // setStyle does not touch the class: keep it in step for styling and tests
        const elPath = (path as unknown as { _path?: SVGElement })._path;
        elPath?.classList.toggle('is-on', selected.has(code));
      }
    },
    destroy: () => { map.off(); map.remove(); },
  };
}

export interface Choropleth { destroy(): void }

/**
 * A map of buurten filled by one colour scale (insight's coverage): a picture beside the
 * accessible table that carries the same numbers, so it has no keyboard path of its own.
 * Each buurt's path has the class `choropleth-<code>`; its tooltip is the label given.
 */
export function mountChoropleth(el: HTMLElement, opts: {
  tiles: { url: string; attribution: string }; boundaryAttribution: string;
  boundaries: BoundaryCollection; fill: (code: string) => { colour: string; label: string } | undefined;
}): Choropleth {
  const map = L.map(el, { keyboard: false, scrollWheelZoom: false, minZoom: 8, maxZoom: 18, zoomSnap: 0.5 });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(opts.tiles.url, { attribution: opts.tiles.attribution, maxZoom: 19, crossOrigin: true }).addTo(map);
  map.attributionControl.addAttribution(opts.boundaryAttribution);
  const features = opts.boundaries.features.filter((f) => opts.fill(f.properties.code));
  const layer = L.geoJSON({ type: 'FeatureCollection', features } as never, {
    style: (f) => {
      const code = (f?.properties as { code: string }).code;
      return { color: '#333333', weight: 1, fillColor: opts.fill(code)?.colour ?? '#ffffff', fillOpacity: 0.75, className: `choropleth choropleth-${code}` };
    },
    onEachFeature: (f, l) => {
      const { code, name } = f.properties as { code: string; name: string };
      l.bindTooltip(textContent(`${name}: ${opts.fill(code)?.label ?? ''}`), { sticky: true, className: 'area-label' });
    },
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { animate: false, padding: [4, 4] }); else map.setView([52.1, 5.1], 10);
  return { destroy: () => { map.off(); map.remove(); } };
}
