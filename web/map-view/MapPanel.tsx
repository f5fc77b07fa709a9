// Drives the Leaflet adapter from Preact: create once on the place to open (a named buurt
// or the extent of all boundaries), then let the ViewLoader fetch what each view needs.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n/i18n';
import type { Taxonomy } from '../components/taxonomy';
import { createMap, type BBox, type MapAdapter, type View } from '../map/leaflet-adapter';
import { EXTENT_MAX_ZOOM, FALLBACK_BOX, fetchExtent } from './map-data';
import { openingView } from '../map/opening-view';
import { ViewLoader } from './view-loader';

interface Props {
  tax: Taxonomy; types: string[]; topics: string[];
  /** The residents' filters as API parameters (only matching teams get a marker). */
  service: Record<string, string>; serviceKey: string;
  selectedTeam: string | null; selectedArea: string | null;
  initial: { lat: number; lon: number; zoom: number } | null;
  onMove: (v: View) => void; onMarkerClick: (id: string) => void; onAreaClick: (code: string) => void;
}

/** Where to open without a view in the URL: the named buurt, else every known boundary. */
async function openingBox(area: string | null): Promise<{ bbox: BBox; maxZoom: number }> {
  if (area) {
    const detail = await api.area(area).catch(() => null);
    if (detail?.bbox) return { bbox: detail.bbox, maxZoom: 16 };
  }
  return { bbox: (await fetchExtent()).bbox ?? FALLBACK_BOX, maxZoom: EXTENT_MAX_ZOOM };
}

export function MapPanel(props: Props) {
  const el = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  const loader = useRef<ViewLoader | null>(null);
  const cb = useRef(props);
  cb.current = props;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  // A layout effect: the map is made before the page's first paint, not a frame after it.
  useLayoutEffect(() => {
    let live = true;
    const init = cb.current.initial;
    Promise.all([api.config(), init ? null : openingBox(cb.current.selectedArea)]).then(([config, opening]) => {
      if (!live || !el.current) return;
      const a = createMap(el.current, {
        tiles: config.tiles, boundaryAttribution: config.boundary_attribution,
        labels: { baseMap: t('map.layer_brt'), osm: t('map.layer_osm'), boundaries: t('map.layer_boundaries'), cluster: (n) => t('map.cluster', { n }) },
        category: (k) => cb.current.tax.category(k),
        onMove: (v) => { loader.current?.onView(v); cb.current.onMove(v); },
        onMarkerClick: (id) => cb.current.onMarkerClick(id),
        onAreaClick: (code) => cb.current.onAreaClick(code),
      });
      adapter.current = a;
      loader.current = new ViewLoader(a, () => ({ ...cb.current.service, type: cb.current.types.join(',') || undefined, topic: cb.current.topics.join(',') || undefined }));
      if (init) a.setView(init.lat, init.lon, init.zoom);
      else if (opening) {
        // The view the page start computed too (map-data.ts prefetchMap), so its early answers fit.
        const v = openingView(opening.bbox, el.current.clientWidth, el.current.clientHeight, opening.maxZoom);
        a.setView(v.lat, v.lon, v.zoom);
      }
      setReady(true);
    }).catch(() => { if (live) setFailed(true); });
    return () => { live = false; loader.current?.destroy(); adapter.current?.destroy(); adapter.current = null; };
  }, []);

  const typeKey = props.types.join(',');
  const topicKey = props.topics.join(',');
  const first = useRef(true);
  useEffect(() => {
    if (!ready) return;
    if (first.current) { first.current = false; return; } // the first view already asked with these filters
    loader.current?.refilter();
  }, [ready, typeKey, topicKey, props.serviceKey]);

  useEffect(() => { if (ready) adapter.current?.setSelected(props.selectedTeam); }, [ready, props.selectedTeam]);
  useEffect(() => { if (ready) adapter.current?.setSelectedArea(props.selectedArea); }, [ready, props.selectedArea]);

  return (
    <div class="map-wrap">
      <p id="map-hint" class="sr-only">{t('map.a11y_hint')}</p>
      <div ref={el} class="map" role="region" aria-label={t('map.label')} aria-describedby="map-hint" data-testid="map" />
      {failed && <p class="notice map-failed">{t('map.failed')}</p>}
    </div>
  );
}
