// Gemeenten, wijken and buurten tiling the Netherlands' bounding box: each gemeente a
// rectangle of a grid, split 3 × 3 into wijken, each wijk 2 × 2 into buurten. Codes
// follow the CBS pattern (GMgggg, WKggggww, BUggggwwbb) with gggg from 1000 up, so they
// never meet the demo's 99xx codes.
import type { Prng } from './random';
import { placeName, quarterName } from './names';

export const NL_BBOX = { minLon: 3.36, minLat: 50.75, maxLon: 7.23, maxLat: 53.55 } as const;
export const WIJKEN_PER_GEMEENTE = 9;
export const BUURTEN_PER_WIJK = 4;

export interface Rect { minLon: number; minLat: number; maxLon: number; maxLat: number }
export interface AreaRow { code: string; kind: 'gemeente' | 'wijk' | 'buurt'; name: string; parent: string | null; rect: Rect; pc4: string; population: number }
export interface Gemeente { code: string; name: string; wijken: { code: string; buurten: { code: string; rect: Rect; pc4: string }[] }[] }

const split = (r: Rect, cols: number, rows: number, i: number): Rect => {
  const w = (r.maxLon - r.minLon) / cols, h = (r.maxLat - r.minLat) / rows;
  const c = i % cols, row = Math.floor(i / cols);
  return { minLon: r.minLon + c * w, minLat: r.minLat + row * h, maxLon: r.minLon + (c + 1) * w, maxLat: r.minLat + (row + 1) * h };
};

/** Areas in insert order (every parent before its children) and the tree for placing teams. */
export function buildAreas(r: Prng, buurten: number): { rows: AreaRow[]; gemeenten: Gemeente[] } {
  const perGemeente = WIJKEN_PER_GEMEENTE * BUURTEN_PER_WIJK;
  const count = Math.ceil(buurten / perGemeente);
  // Columns chosen so that cells are roughly square on the ground at 52° N.
  const aspect = ((NL_BBOX.maxLon - NL_BBOX.minLon) * Math.cos((52 * Math.PI) / 180)) / (NL_BBOX.maxLat - NL_BBOX.minLat);
  const cols = Math.max(1, Math.ceil(Math.sqrt(count * aspect)));
  const gridRows = Math.ceil(count / cols);
  const gemRows: AreaRow[] = [], wijkRows: AreaRow[] = [], buurtRows: AreaRow[] = [];
  const gemeenten: Gemeente[] = [];
  let made = 0;
  for (let g = 0; g < count; g++) {
    const gm = String(1000 + g);
    const name = `${placeName(r)}${g >= 500 ? ` ${g}` : ''}`;
    const rect = split(NL_BBOX, cols, gridRows, g);
    const gemeente: Gemeente = { code: `GM${gm}`, name, wijken: [] };
    gemRows.push({ code: gemeente.code, kind: 'gemeente', name, parent: null, rect, pc4: '', population: 0 });
    for (let w = 0; w < WIJKEN_PER_GEMEENTE && made < buurten; w++) {
      const wijkCode = `WK${gm}${String(w).padStart(2, '0')}`;
      const wijkRect = split(rect, 3, 3, w);
      const wijk = { code: wijkCode, buurten: [] as Gemeente['wijken'][number]['buurten'] };
      wijkRows.push({ code: wijkCode, kind: 'wijk', name: quarterName(r, name), parent: gemeente.code, rect: wijkRect, pc4: '', population: 0 });
      for (let b = 0; b < BUURTEN_PER_WIJK && made < buurten; b++, made++) {
        const code = `BU${gm}${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;
        const pc4 = String(1000 + (made % 8999));
        const buurtRect = split(wijkRect, 2, 2, b);
        wijk.buurten.push({ code, rect: buurtRect, pc4 });
        buurtRows.push({ code, kind: 'buurt', name: `${quarterName(r, name)} ${b + 1}`, parent: wijkCode, rect: buurtRect, pc4, population: 500 + r.int(4000) });
      }
      gemeente.wijken.push(wijk);
    }
    gemeenten.push(gemeente);
  }
  return { rows: [...gemRows, ...wijkRows, ...buurtRows], gemeenten };
}

/** A closed GeoJSON Polygon ring around the rectangle (counter-clockwise, RFC 7946). */
export function rectPolygon(r: Rect): string {
  const ring = [[r.minLon, r.minLat], [r.maxLon, r.minLat], [r.maxLon, r.maxLat], [r.minLon, r.maxLat], [r.minLon, r.minLat]]
    .map(([x, y]) => [Number(x!.toFixed(6)), Number(y!.toFixed(6))]);
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** A point strictly inside the rectangle (5% margin), for a location in its buurt. */
export function pointIn(r: Prng, rect: Rect): { lon: number; lat: number } {
  const u = 0.05 + 0.9 * r.next(), v = 0.05 + 0.9 * r.next();
  return { lon: rect.minLon + u * (rect.maxLon - rect.minLon), lat: rect.minLat + v * (rect.maxLat - rect.minLat) };
}
