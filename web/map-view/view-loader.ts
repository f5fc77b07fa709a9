// Keeps the map's boundaries and markers in step with its view: after a move settles
// (debounced), asks only for what the new view lacks, and aborts requests a newer view
// has made stale, so a quick series of pans never piles up downloads.
import type { BBox, MapAdapter, MarkerPoint, View } from '../map/leaflet-adapter';
import type { Boundaries, MarkerList } from '../api/client';
import { areaKey, contains, layerKey, fetchBoundaries, fetchBox, fetchMarkers, layersFor, markerKey, takeEarly } from './map-data';

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
    const aKey = areaKey(layers);
    if (this.areas.key !== aKey || !this.areas.box || !contains(this.areas.box, v.bbox)) {
      // The page start may have asked already (map-data.ts prefetchMap): taken when it fits this view.
      const given = takeEarly<Boundaries[]>('areas', aKey, v.bbox);
      const slot = this.restart(this.areas, aKey, given?.box ?? fetchBox(v.bbox, v.zoom));
      const box = slot.box; // an early answer cannot be aborted: drawn only while still the latest
      const answers = given?.answer ?? Promise.all(layers.map((l) => fetchBoundaries(l, slot.box!, slot.ctrl!.signal)));
      answers.then((list) => list.map((fc, i) => ({ key: layerKey(layers[i]!), features: fc.features as never[] })))
        .then((list) => { if (this.areas.box === box) this.adapter.setAreas(list); })
        .catch((e) => { if (!isAbort(e)) this.areas.box = null; /* tried again on the next move */ });
    }
    const f = this.filters();
    const mKey = markerKey(v.zoom, f);
    if (this.markers.key !== mKey || !this.markers.box || !contains(this.markers.box, v.bbox)) {
      const given = takeEarly<MarkerList>('markers', mKey, v.bbox);
      const slot = this.restart(this.markers, mKey, given?.box ?? fetchBox(v.bbox, v.zoom));
      const box = slot.box;
      (given?.answer ?? fetchMarkers(f, slot.box!, v.zoom, slot.ctrl!.signal)).then((m) => {
        if (this.markers.box !== box) return; // a newer view asked since
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
