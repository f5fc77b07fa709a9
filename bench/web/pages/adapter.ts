// The app's own map adapter (Leaflet + supercluster + divIcons), markers passed in directly.
import { createMap } from '../../../web/map/leaflet-adapter';
import '../../../web/styles.css';
import { BBOX, frames, makePoints } from './points';

(window as unknown as { runBench: (n: number, tiles: string) => Promise<number> }).runBench = async (n, tiles) => {
  const points = makePoints(n);
  const t0 = performance.now();
  const map = createMap(document.getElementById('map')!, {
    tiles: { url: tiles, attribution: 'Kadaster' }, boundaryAttribution: 'CBS',
    labels: { baseMap: 'BRT', osm: 'OSM', boundaries: 'Grenzen', cluster: (c) => `${c} teams` },
    category: () => 'first_contact',
  });
  map.fitBBox(BBOX);
  map.setMarkers(points);
  await frames();
  return performance.now() - t0;
};
