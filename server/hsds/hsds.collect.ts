// Reading HSDS 3.0 files of any shape the specification uses — a single record, a paged
// list, records nested in each other, or the tabular package (one array per CSV name) —
// into one flat bundle of organizations, services, locations and service-location links.
// People (contacts and their phones) never become Wijkweb people: they only ride along in
// the verbatim originals (hsds.merge.ts), which the export passes through the visibility rule.
import { combineMentions } from './hsds.merge';

export type Obj = Record<string, any>;
/** Records kept verbatim; a service keeps its service_at_locations (with their ids) inside it. */
export type DocumentKind = 'organization' | 'service' | 'location';

export interface Bundle {
  organizations: Map<string, Obj>;
  services: Map<string, Obj>;
  locations: Map<string, Obj>;
  /** service id → location ids linked through service_at_location records. */
  links: Map<string, Set<string>>;
  /** Files or records that carry nothing Wijkweb loads (taxonomies, the API's meta record). */
  ignored: string[];
  /** Each record as the source had it (mentions of one id combined), kept verbatim for the export. */
  originals: Record<DocumentKind, Map<string, Obj>>;
}

export const emptyBundle = (): Bundle => ({ organizations: new Map(), services: new Map(), locations: new Map(), links: new Map(), ignored: [],
  originals: { organization: new Map(), service: new Map(), location: new Map() } });

function keep(b: Bundle, kind: DocumentKind, record: Obj) {
  if (typeof record.id !== 'string') return;
  b.originals[kind].set(record.id, combineMentions(b.originals[kind].get(record.id), record));
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Later mentions of a record add the fields they carry; nested copies don't erase fuller ones. */
function put(map: Map<string, Obj>, record: Obj) {
  if (typeof record.id !== 'string') return;
  const defined = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
  map.set(record.id, { ...map.get(record.id), ...defined });
}

function link(b: Bundle, serviceId: unknown, locationId: unknown) {
  if (typeof serviceId !== 'string' || typeof locationId !== 'string') return;
  b.links.set(serviceId, (b.links.get(serviceId) ?? new Set()).add(locationId));
}

function location(b: Bundle, l: Obj) { put(b.locations, l); keep(b, 'location', l); }

function organization(b: Bundle, o: Obj) {
  const { services, locations, contacts: _people, ...own } = o;
  put(b.organizations, own);
  // its services are records of their own; Wijkweb lists them again under /hsds/organizations/{id}
  const { services: _services, ...verbatim } = o;
  keep(b, 'organization', verbatim);
  for (const s of arr(services)) service(b, { organization_id: o.id, ...s });
  for (const l of arr(locations)) location(b, l);
}

function service(b: Bundle, s: Obj) {
  const { organization: org, contacts: _people, ...own } = s;
  if (isObj(org)) organization(b, org);
  const organizationId = s.organization_id ?? (isObj(org) ? org.id : undefined);
  const sals = arr(s.service_at_locations);
  for (const sal of sals) {
    if (isObj(sal.location)) location(b, sal.location);
    link(b, s.id, sal.location_id ?? sal.location?.id);
  }
  put(b.services, { ...own, organization_id: organizationId });
  keep(b, 'service', s);
}

function serviceAtLocation(b: Bundle, sal: Obj) {
  if (isObj(sal.service)) service(b, sal.service);
  if (isObj(sal.location)) location(b, sal.location);
  link(b, sal.service_id ?? sal.service?.id, sal.location_id ?? sal.location?.id);
}

type Kind = 'organization' | 'service' | 'service_at_location' | 'location' | 'ignore';

/** What a record is, from the file name when it says, else from its fields. */
function kindOf(record: Obj, hint: string): Kind {
  if (/taxonom|index|meta/.test(hint)) return 'ignore';
  if (/service_at_location/.test(hint)) return 'service_at_location';
  if (/service/.test(hint)) return 'service';
  if (/organi[sz]ation/.test(hint)) return 'organization';
  if (/location/.test(hint)) return 'location';
  if ('service' in record && 'location' in record) return 'service_at_location';
  if ('service_id' in record && 'location_id' in record) return 'service_at_location';
  if ('status' in record) return 'service';
  if ('location_type' in record || 'addresses' in record || 'latitude' in record) return 'location';
  if ('taxonomy_detail' in record || 'term_uri' in record || 'openapi_url' in record || ('version' in record && !('website' in record))) return 'ignore';
  return 'organization';
}

const COLLECT: Record<Exclude<Kind, 'ignore'>, (b: Bundle, r: Obj) => void> = {
  organization, service, service_at_location: serviceAtLocation, location,
};

/** The tabular package: `{ "organizations.csv": [...], "services.csv": [...], … }`. */
function tabular(b: Bundle, t: Obj) {
  const rows = (name: string) => arr(t[`${name}.csv`]);
  const byKey = (list: Obj[], key: string) => {
    const m = new Map<string, Obj[]>();
    for (const r of list) if (typeof r[key] === 'string') m.set(r[key], [...(m.get(r[key]) ?? []), r]);
    return m;
  };
  // Phones of contacts are people's phones: never read.
  const phones = rows('phones').filter((p) => !p.contact_id);
  const terms = new Map(rows('taxonomy_terms').map((x) => [x.id, x]));
  const attributes = rows('attributes').map((a) => ({ ...a, taxonomy_term: terms.get(a.taxonomy_term_id) }));
  const [svcPhones, orgPhones, locPhones] = ['service_id', 'organization_id', 'location_id'].map((k) => byKey(phones.filter((p) => !p.service_at_location_id), k));
  const schedules = rows('schedules').filter((s) => !s.service_at_location_id);
  const [svcSchedules, locSchedules] = ['service_id', 'location_id'].map((k) => byKey(schedules, k));
  const areas = byKey(rows('service_areas'), 'service_id');
  const funding = byKey(rows('funding'), 'service_id');
  const addresses = byKey(rows('addresses'), 'location_id');
  const attrs = byKey(attributes, 'link_id');
  for (const o of rows('organizations')) organization(b, { ...o, phones: orgPhones!.get(o.id) ?? [] });
  for (const l of rows('locations')) {
    location(b, { ...l, addresses: addresses.get(l.id) ?? [], phones: locPhones!.get(l.id) ?? [], schedules: locSchedules!.get(l.id) ?? [] });
  }
  for (const s of rows('services')) {
    service(b, { ...s, phones: svcPhones!.get(s.id) ?? [], schedules: svcSchedules!.get(s.id) ?? [], service_areas: areas.get(s.id) ?? [],
      funding: funding.get(s.id) ?? [], attributes: attrs.get(s.id) ?? [] });
  }
  for (const sal of rows('service_at_location')) serviceAtLocation(b, sal);
}

/** Adds one parsed JSON file (its name is a hint to what it holds) to the bundle. */
export function collect(b: Bundle, data: unknown, fileName: string) {
  const hint = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  if (isObj(data) && Object.keys(data).some((k) => k.endsWith('.csv'))) return tabular(b, data);
  const records = Array.isArray(data) ? data.filter(isObj) : isObj(data) && Array.isArray(data.contents) ? arr(data.contents) : isObj(data) ? [data] : [];
  for (const record of records) {
    const kind = kindOf(record, hint);
    if (kind === 'ignore') { b.ignored.push(`${hint}: ${record.id ?? record.version ?? 'record'}`); continue; }
    COLLECT[kind](b, record);
  }
}
