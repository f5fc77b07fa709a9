// The demo gemeente Lindeburg: one wijk of about 25,000 residents in seven buurten.
// Fictional names and CBS-style codes in the unused 99xx range, placed on farmland in
// the Flevoland polder between Almere and Zeewolde, so no real street lies beneath a
// fictional address. Boundaries are generated in geometry.ts from a shared vertex grid.

export const GEMEENTE = { code: 'GM9901', name: 'Lindeburg', population: 25_000 } as const;
export const WIJK = { code: 'WK990101', name: 'Lindeburg-Oost', population: 25_000 } as const;

/** South-west corner of the wijk (WGS84) and its size: about 3 km east-west, 2.5 km north-south. */
export const GRID = {
  originLon: 5.33,
  originLat: 52.365,
  widthLon: 0.0442, // 3.0 km at 52.4° N
  heightLat: 0.0225, // 2.5 km
  columns: 4,
  rows: 2,
} as const;

export interface BuurtSeed {
  key: string;
  code: string;
  name: string;
  /** Grid cell: column 0 is the west, row 0 the south; `span` 2 merges two cells into one buurt. */
  col: number;
  row: number;
  span: 1 | 2;
  population: number;
  postcodes: readonly string[];
  /** One line of character, for whoever reads the data: the demo teams follow from it. */
  about: string;
}

export const BUURTEN = [
  { key: 'oude_kern', code: 'BU99010101', name: 'Oude Kern', col: 1, row: 1, span: 1, population: 3650, postcodes: ['1371'],
    about: 'het oude dorpshart: stadhuis, markt, huisartsen, veel ouderen boven winkels' },
  { key: 'lindehof', code: 'BU99010102', name: 'Lindehof', col: 0, row: 0, span: 1, population: 4850, postcodes: ['1372'],
    about: 'portiekflats uit de jaren 60, veel huurwoningen, jonge gezinnen en nieuwkomers; wijkcentrum' },
  { key: 'molenkwartier', code: 'BU99010103', name: 'Molenkwartier', col: 2, row: 1, span: 1, population: 3900, postcodes: ['1373'],
    about: 'rijtjeshuizen uit de jaren 30 rond de korenmolen, gemengd koop en huur' },
  { key: 'vogelwijk', code: 'BU99010104', name: 'Vogelwijk', col: 1, row: 0, span: 1, population: 4300, postcodes: ['1374', '1375'],
    about: 'jaren 70 eengezinswoningen en een basisschool; veel kinderen' },
  { key: 'de_esch', code: 'BU99010105', name: 'De Esch', col: 0, row: 1, span: 1, population: 3350, postcodes: ['1376'],
    about: 'vrijstaande huizen en een middelbare school aan de rand van het oude akkerland' },
  { key: 'beekdal', code: 'BU99010106', name: 'Beekdal', col: 3, row: 1, span: 1, population: 3100, postcodes: ['1377'],
    about: 'seniorenflats en het zorgcentrum langs de beek' },
  { key: 'de_vaart', code: 'BU99010107', name: 'De Vaart', col: 2, row: 0, span: 2, population: 1850, postcodes: ['1378', '1379'],
    about: 'bedrijventerrein aan de vaart met nieuwbouw; politiebureau, GGZ en jeugdhulp hebben er kantoor' },
] as const satisfies readonly BuurtSeed[];

export type BuurtKey = (typeof BUURTEN)[number]['key'];

export const ALL_BUURTEN: readonly BuurtKey[] = BUURTEN.map((b) => b.key);

export function buurtByKey(key: BuurtKey): BuurtSeed {
  const buurt = BUURTEN.find((b) => b.key === key);
  if (!buurt) throw new Error(`Unknown buurt ${key}`);
  return buurt;
}

/** Buurten that share an edge (not just a corner) with `key`, from the grid cells they cover. */
export function neighbourBuurten(key: BuurtKey): BuurtKey[] {
  const cells = (b: BuurtSeed) => Array.from({ length: b.span }, (_, i) => [b.col + i, b.row] as const);
  const own = cells(buurtByKey(key));
  return BUURTEN.filter((other) => other.key !== key && cells(other).some(([c, r]) =>
    own.some(([oc, or]) => Math.abs(c - oc) + Math.abs(r - or) === 1),
  )).map((b) => b.key);
}
