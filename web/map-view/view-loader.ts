// Keeps the map's boundaries and markers in step with its view: after a move settles
// (debounced), asks only for what the new view lacks, and aborts requests a newer view
// has made stale, so a quick series of pans never piles up downloads.
import type { BBox, MapAdapter, MarkerPoint, View } from '../map/leaflet-adapter';
import { contains, fetchBoundaries, fetchBox, fetchMarkers, layersFor } from './map-data';

const DEBOUNCE_MS = 250;

interface Slot { key: string; box: BBox | null; ctrl: AbortController | null }
const empty = (): Slot => ({ key: '', box: null, ctrl: null });
const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

export class ViewLoader {
  private areas = empty();
  private markers = empty();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: View | null = null;

  constructor(private adapter: MapAdapter, private filters: () => Record<string, string | undefined>) {}

  /** A new view: the first loads at once, later ones once the map has been still a moment. */
  onView(v: View): void {
    const first = this.last === null;
    this.last = v;
    clearTimeout(this.timer);
    if (first) this.load(v);
    else this.timer = setTimeout(() => this.load(v), DEBOUNCE_MS);
  }

  /** The filters changed: markers again, boundaries as they are. */
  refilter(): void {
    this.markers.key = '';
    if (this.last) this.load(this.last);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.areas.ctrl?.abort();
    this.markers.ctrl?.abort();
  }

  private load(v: View): void {
    const layers = layersFor(v.zoom);
    const areaKey = layers.map((l) => `${l.kind}-${l.band}`).join('+');
    if (this.areas.key !== areaKey || !this.areas.box || !contains(this.areas.box, v.bbox)) {
      const slot = this.restart(this.areas, areaKey, fetchBox(v.bbox, v.zoom));
      Promise.all(layers.map((l) => fetchBoundaries(l, slot.box!, slot.ctrl!.signal).then((fc) => ({ key: `${l.kind}-${l.band}`, features: fc.features as never[] }))))
        .then((list) => this.adapter.setAreas(list))
        .catch((e) => { if (!isAbort(e)) this.areas.box = null; /* tried again on the next move */ });
    }
    const f = this.filters();
    const markerKey = `${Math.round(v.zoom)}|${JSON.stringify(f)}`;
    if (this.markers.key !== markerKey || !this.markers.box || !contains(this.markers.box, v.bbox)) {
      const slot = this.restart(this.markers, markerKey, fetchBox(v.bbox, v.zoom));
      fetchMarkers(f, slot.box!, v.zoom, slot.ctrl!.signal).then((m) => {
        const points: MarkerPoint[] = m.items.map(([lat, lon, teamId, type, name, locationId]) => ({ lat, lon, teamId, type, name, locationId }));
        this.adapter.setClustered(points, (m.clusters ?? []).map(([lat, lon, count, expansionZoom, id]) => ({ lat, lon, count, expansionZoom, id })));
      }).catch((e) => { if (!isAbort(e)) this.markers.box = null; /* the list still works */ });
    }
  }

  private restart(slot: Slot, key: string, box: BBox): Slot {
    slot.ctrl?.abort();
    slot.key = key;
    slot.box = box;
    slot.ctrl = new AbortController();
    return slot;
  }
}
