// A small map of the team's locations, through the same adapter, loaded only when shown.
import { useEffect, useRef } from 'preact/hooks';
import { api, type TeamDetail } from '../api/client';
import { t } from '../i18n/i18n';
import type { Taxonomy } from '../components/taxonomy';

export function LocationMap({ team, tax }: { team: TeamDetail; tax: Taxonomy }) {
  const el = useRef<HTMLDivElement>(null);
  const taxRef = useRef(tax);
  taxRef.current = tax;
  useEffect(() => {
    let destroy: (() => void) | null = null;
    let live = true;
    Promise.all([import('../map/leaflet-adapter'), api.config(), api.boundaries('buurt').catch(() => null)]).then(([{ createMap }, config, buurten]) => {
      if (!live || !el.current) return;
      const map = createMap(el.current, {
        tiles: config.tiles, boundaryAttribution: config.boundary_attribution, mini: true,
        labels: { baseMap: '', osm: '', boundaries: '', cluster: (n) => t('map.cluster', { n }) },
        category: (k) => taxRef.current.category(k),
      });
      const pts = team.locations.map((l) => ({ lat: l.lat, lon: l.lon, teamId: team.id, type: team.team_type, name: l.address, locationId: l.id }));
      const lats = pts.map((p) => p.lat);
      const lons = pts.map((p) => p.lon);
      map.fitBBox([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], 16);
      if (buurten) map.setBoundaries(buurten as never);
      map.setMarkers(pts);
      destroy = map.destroy;
    }).catch(() => { /* addresses are listed as text */ });
    return () => { live = false; destroy?.(); };
  }, [team.id]);
  return (
    <figure class="mini-map-figure">
      <div ref={el} class="mini-map" role="region" aria-label={t('team.map_label')} data-testid="mini-map" />
      <figcaption class="muted">{t('team.map_caption')}</figcaption>
    </figure>
  );
}
