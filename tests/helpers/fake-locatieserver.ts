// A faithful stand-in for the PDOK Locatieserver v3.1: a real HTTP server on 127.0.0.1
// answering /suggest, /lookup and /free in the real response format (modelled on the
// bodies in shared/data/locatieserver-examples.json). Like the real v3.1 it rejects query
// parameters that are not in its OpenAPI description with a 400, so the adapter can't
// rely on anything the real service would refuse. It can be made slow or taken down.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { BUURTEN, GEMEENTE, WIJK } from '../../seeds/demo/areas';
import { pointInBuurt } from '../../seeds/demo/geometry';

/** An `adres` doc with the default lookup field set of the real service. */
export type FakeDoc = Record<string, string | number | string[]> & { id: string; type: string; weergavenaam: string };

// Parameters per endpoint as the v3 OpenAPI lists them (fl on lookup: v3.1 accepts it).
const ALLOWED: Record<string, readonly string[]> = {
  suggest: ['q', 'fl', 'sort', 'qf', 'bq', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  lookup: ['id', 'fl', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  free: ['q', 'fl', 'sort', 'df', 'bq', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
};
const REQUIRED: Record<string, string | undefined> = { suggest: 'q', lookup: 'id' };
const SUGGEST_FL = 'id,weergavenaam,type,score';
export const BASE_PATH = '/bzk/locatieserver/search/v3_1';

export interface AddressInput {
  straatnaam: string; huisnummer: number; huisletter?: string; huisnummertoevoeging?: string;
  postcode: string; woonplaatsnaam: string; gemeentecode: string; gemeentenaam: string;
  wijkcode: string; wijknaam: string; buurtcode: string; buurtnaam: string; lon: number; lat: number;
}

let serial = 0;
/** A synthetic `adres` doc with the same fields as the real lookup example. */
export function addressDoc(a: AddressInput): FakeDoc {
  const n = `${a.huisnummer}${a.huisletter ?? ''}${a.huisnummertoevoeging ? `-${a.huisnummertoevoeging}` : ''}`;
  const id = `adr-fake${(++serial).toString(16).padStart(8, '0')}${a.postcode.toLowerCase()}${n.toLowerCase()}`;
  return {
    bron: 'BAG', woonplaatscode: '9999', type: 'adres', woonplaatsnaam: a.woonplaatsnaam, wijkcode: a.wijkcode,
    huis_nlt: n, openbareruimtetype: 'Weg', buurtnaam: a.buurtnaam, gemeentecode: a.gemeentecode,
    weergavenaam: `${a.straatnaam} ${n}, ${a.postcode} ${a.woonplaatsnaam}`, straatnaam_verkort: a.straatnaam.slice(0, 10),
    id, gemeentenaam: a.gemeentenaam, buurtcode: a.buurtcode, wijknaam: a.wijknaam,
    identificatie: `${a.gemeentecode}010000000001-${a.gemeentecode}200000000001`, provinciecode: 'PV99',
    postcode: a.postcode, provincienaam: 'Testprovincie', centroide_ll: `POINT(${a.lon} ${a.lat})`,
    huisnummer: a.huisnummer, provincieafkorting: 'TP', centroide_rd: 'POINT(155000.0 463000.0)', straatnaam: a.straatnaam,
    ...(a.huisletter ? { huisletter: a.huisletter } : {}),
    ...(a.huisnummertoevoeging ? { huisnummertoevoeging: a.huisnummertoevoeging } : {}),
  };
}

/** One address in every demo buurt: "<Buurtnaam>straat 1, <PC4>AA Lindeburg". */
export function demoDocs(): FakeDoc[] {
  return BUURTEN.map((b) => {
    const { lon, lat } = pointInBuurt(b.key, 0.5, 0.5);
    return addressDoc({
      straatnaam: `${b.name.replace(/\s+/g, '')}straat`, huisnummer: 1, postcode: `${b.postcodes[0]}AA`,
      woonplaatsnaam: GEMEENTE.name, gemeentecode: GEMEENTE.code.slice(2), gemeentenaam: GEMEENTE.name,
      wijkcode: WIJK.code, wijknaam: WIJK.name, buurtcode: b.code, buurtnaam: b.name, lon, lat,
    });
  });
}

type Geometry = Polygon | MultiPolygon;
/** A point strictly inside the geometry: the bbox centre if inside, else the first inside grid point. */
export function interiorPoint(geometry: Geometry): { lon: number; lat: number } {
  const coords = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const lons = coords.map((c) => c[0]!);
  const lats = coords.map((c) => c[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const inside = (lon: number, lat: number) => booleanPointInPolygon([lon, lat], geometry, { ignoreBoundary: true });
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  for (let steps = 1; steps <= 64; steps *= 2) {
    for (let i = 1; i < 2 * steps; i += 2) for (let j = 1; j < 2 * steps; j += 2) {
      const lon = round(minLon + ((maxLon - minLon) * i) / (2 * steps));
      const lat = round(minLat + ((maxLat - minLat) * j) / (2 * steps));
      if (inside(lon, lat)) return { lon, lat };
    }
  }
  throw new Error('No interior point found');
}

/** One synthetic address per buurt of a CBS buurten FeatureCollection (e.g. Hengelo). */
export function docsForBuurten(collection: { features: { properties: Record<string, any>; geometry: Geometry }[] }): FakeDoc[] {
  return collection.features.map((f, i) => {
    const p = f.properties;
    const { lon, lat } = interiorPoint(f.geometry);
    return addressDoc({
      straatnaam: `${String(p.buurtnaam).replace(/[^A-Za-z]/g, '')}weg`, huisnummer: 10 + i,
      postcode: `${p.meest_voorkomende_postcode ?? '9999'}XX`, woonplaatsnaam: p.gemeentenaam, gemeentecode: String(p.gemeentecode).slice(2),
      gemeentenaam: p.gemeentenaam, wijkcode: p.wijkcode, wijknaam: p.wijknaam ?? p.wijkcode, buurtcode: p.buurtcode, buurtnaam: p.buurtnaam, lon, lat,
    });
  });
}

export interface FakeLocatieserver {
  /** Base URL to configure as GEOCODER_URL. */
  url: string;
  docs: FakeDoc[];
  /** Every request received: endpoint and its parameters. */
  requests: { endpoint: string; params: URLSearchParams; status: number }[];
  /** Delay every answer by this many ms (0: answer at once). */
  setDelay(ms: number): void;
  /** Close the listener: further requests get "connection refused". */
  down(): Promise<void>;
  close(): Promise<void>;
}

const words = (s: string) => s.toLowerCase().replace(/(\d{4}) ?([a-z]{2})\b/g, '$1$2').split(/[\s,]+/).filter(Boolean);

function pick(doc: FakeDoc, fl: string, score: number): Record<string, unknown> {
  const full: Record<string, unknown> = { ...doc, score };
  if (fl === '*') return full;
  return Object.fromEntries(fl.split(',').map((f) => f.trim()).filter((f) => f in full).map((f) => [f, full[f]]));
}

/** fq as clients use it: `type:adres`, `bron:BAG`, `type:(gemeente OR adres)`, `*`. */
function matchesFilter(doc: FakeDoc, fq: string | null): boolean {
  if (!fq || fq === '*' || fq === '*:*') return true;
  const m = /^(\w+):\(?([^)]*)\)?$/.exec(fq.trim());
  if (!m) return false;
  const values = m[2]!.split(/\s+OR\s+/i).map((v) => v.trim().toLowerCase());
  return values.includes(String(doc[m[1]!] ?? '').toLowerCase());
}

function search(docs: FakeDoc[], params: URLSearchParams): { doc: FakeDoc; score: number }[] {
  const q = params.get('q') ?? '*:*';
  const fq = params.get('fq');
  let hits = docs.filter((d) => matchesFilter(d, fq));
  const fielded = [...q.matchAll(/(\w+):(\S+)/g)];
  if (q !== '*:*' && fielded.length) {
    hits = hits.filter((d) => fielded.every(([, field, value]) => String(d[field!] ?? '').toLowerCase() === value!.toLowerCase()));
    return hits.map((doc) => ({ doc, score: 7.5 }));
  }
  const terms = words(q);
  return hits.map((doc) => {
    const text = words(`${doc.weergavenaam} ${doc.postcode ?? ''}`);
    const matched = terms.filter((t) => text.some((w) => w.startsWith(t))).length;
    return { doc, score: terms.length && matched === terms.length ? 10 + matched : 0 };
  }).filter((h) => h.score > 0).sort((a, b) => b.score - a.score);
}

function answer(endpoint: string, params: URLSearchParams, docs: FakeDoc[]): { status: number; body: unknown } {
  const unknown = [...params.keys()].filter((k) => !ALLOWED[endpoint]!.includes(k));
  if (unknown.length) return { status: 400, body: { title: 'Bad Request', status: 400, detail: `unknown query parameter(s): ${unknown.join(', ')}` } };
  const required = REQUIRED[endpoint];
  if (required && !params.get(required)) return { status: 400, body: { title: 'Bad Request', status: 400, detail: `missing required parameter: ${required}` } };
  const rows = Number(params.get('rows') ?? 10);
  const start = Number(params.get('start') ?? 0);
  const hits = endpoint === 'lookup'
    ? docs.filter((d) => d.id === params.get('id')).map((doc) => ({ doc, score: 15.743678 }))
    : search(docs, params);
  const fl = params.get('fl') ?? (endpoint === 'suggest' ? SUGGEST_FL : '*');
  const page = hits.slice(start, start + rows);
  const response = {
    numFound: hits.length, start, maxScore: hits[0]?.score ?? 0, numFoundExact: true,
    docs: page.map((h) => pick(h.doc, fl, h.score)),
  };
  if (endpoint !== 'suggest') return { status: 200, body: { response } };
  const highlighting = Object.fromEntries(page.map((h) => [h.doc.id, { suggest: [h.doc.weergavenaam] }]));
  return { status: 200, body: { response, highlighting, spellcheck: { suggestions: [], collations: [] } } };
}

export async function startFakeLocatieserver(options: { docs?: FakeDoc[] } = {}): Promise<FakeLocatieserver> {
  const docs = [...(options.docs ?? demoDocs())];
  const requests: FakeLocatieserver['requests'] = [];
  let delay = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const endpoint = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length + 1) : '';
    const result = ALLOWED[endpoint] ? answer(endpoint, url.searchParams, docs) : { status: 404, body: { title: 'Not Found', status: 404 } };
    requests.push({ endpoint, params: url.searchParams, status: result.status });
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(result.status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(result.body));
    };
    if (delay > 0) {
      const timer = setTimeout(() => { timers.delete(timer); send(); }, delay);
      timers.add(timer);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const down = async () => {
    if (closed) return;
    closed = true;
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    docs,
    requests,
    setDelay: (ms) => { delay = ms; },
    down,
    close: down,
  };
}
