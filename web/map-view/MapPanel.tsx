// Drives the Leaflet adapter from Preact: create once, then push boundaries, markers and
// the selection into it as props change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n/i18n';
import type { Taxonomy } from '../components/taxonomy';
import { createMap, type BBox, type MapAdapter, type View } from '../map/leaflet-adapter';
import { boundsOf } from '../map/geo';

interface Props {
  tax: Taxonomy; types: string[]; topics: string[];
  selectedTeam: string | null; selectedArea: string | null;
  initial: { lat: number; lon: number; zoom: number } | null;
  onMove: (v: View) => void; onMarkerClick: (id: string) => void; onAreaClick: (code: string) => void;
}

export function MapPanel(props: Props) {
  const el = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  const cb = useRef(props);
  cb.current = props;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([api.config(), api.boundaries('buurt'), api.boundaries('wijk')]).then(([config, buurten, wijken]) => {
      if (!live || !el.current) return;
      const a = createMap(el.current, {
        tiles: config.tiles, boundaryAttribution: config.boundary_attribution,
        labels: { baseMap: t('map.layer_brt'), osm: t('map.layer_osm'), boundaries: t('map.layer_boundaries'), cluster: (n) => t('map.cluster', { n }) },
        category: (k) => cb.current.tax.category(k),
        onMove: (v) => cb.current.onMove(v),
        onMarkerClick: (id) => cb.current.onMarkerClick(id),
        onAreaClick: (code) => cb.current.onAreaClick(code),
      });
      adapter.current = a;
      a.setBoundaries(buurten as never, wijken as never);
      const init = cb.current.initial;
      // A link to one buurt (e.g. from the address page) without a view of its own opens on that buurt.
      const focus = cb.current.selectedArea ? buurten.features.filter((f) => f.properties.code === cb.current.selectedArea) : [];
      if (init) a.setView(init.lat, init.lon, init.zoom);
      else if (focus.length) a.fitBBox(boundsOf(focus) ?? ([5.2, 52.3, 5.5, 52.45] as BBox), 16);
      else a.fitBBox(boundsOf([...wijken.features, ...buurten.features]) ?? ([5.2, 52.3, 5.5, 52.45] as BBox), 15);
      setReady(true);
    }).catch(() => { if (live) setFailed(true); });
    return () => { live = false; adapter.current?.destroy(); adapter.current = null; };
  }, []);

  const typeKey = props.types.join(',');
  const topicKey = props.topics.join(',');
  useEffect(() => {
    if (!ready) return;
    const ctrl = new AbortController();
    api.markers({ type: typeKey || undefined, topic: topicKey || undefined }, ctrl.signal).then((m) => {
      adapter.current?.setMarkers(m.items.map(([lat, lon, teamId, type, name, locationId]) => ({ lat, lon, teamId, type, name, locationId })));
    }).catch(() => { /* the list still works */ });
    return () => ctrl.abort();
  }, [ready, typeKey, topicKey, props.tax]);

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
