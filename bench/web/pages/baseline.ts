// The bare baseline: plain Leaflet, every marker an L.circleMarker on one canvas.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { BBOX, frames, makePoints } from './points';

(window as unknown as { runBench: (n: number, tiles: string) => Promise<number> }).runBench = async (n, tiles) => {
  const points = makePoints(n);
  const t0 = performance.now();
  const map = L.map('map', { preferCanvas: true });
  L.tileLayer(tiles, { attribution: 'Kadaster' }).addTo(map);
  map.fitBounds([[BBOX[1], BBOX[0]], [BBOX[3], BBOX[2]]], { animate: false });
  for (const p of points) L.circleMarker([p.lat, p.lon], { radius: 4, weight: 1 }).addTo(map);
  await frames();
  return performance.now() - t0;
};
