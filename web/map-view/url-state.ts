// The map view's state lives in the query string, so a link can be shared and a reload
// restores it: ?lat=&lon=&z= (view), type=&topic= (filters), team= / buurt= (selection).
import { navigate } from '../router';

export interface MapState {
  lat?: number; lon?: number; zoom?: number;
  types: string[]; topics: string[];
  team: string | null; buurt: string | null;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const num = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function readState(q: URLSearchParams): MapState {
  return {
    lat: num(q.get('lat')), lon: num(q.get('lon')), zoom: num(q.get('z')),
    types: list(q.get('type')), topics: list(q.get('topic')),
    team: q.get('team'), buurt: q.get('buurt'),
  };
}

/** Writes changed keys into the current URL (replace: no history entry per pan). */
export function writeState(changes: Partial<MapState>, opts: { replace?: boolean } = { replace: true }): void {
  const q = new URLSearchParams(location.search);
  const set = (k: string, v: string | null | undefined) => { if (v === null || v === undefined || v === '') q.delete(k); else q.set(k, v); };
  if ('lat' in changes) set('lat', changes.lat?.toFixed(5));
  if ('lon' in changes) set('lon', changes.lon?.toFixed(5));
  if ('zoom' in changes) set('z', changes.zoom === undefined ? undefined : String(Math.round(changes.zoom * 2) / 2));
  if (changes.types) set('type', changes.types.join(','));
  if (changes.topics) set('topic', changes.topics.join(','));
  if ('team' in changes) set('team', changes.team);
  if ('buurt' in changes) set('buurt', changes.buurt);
  const s = q.toString();
  navigate(`/kaart${s ? `?${s}` : ''}`, opts);
}
