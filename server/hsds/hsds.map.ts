// Wijkweb rows → HSDS 3.0 objects (field names exactly as the specification's compiled
// schemas). Absent values are left out rather than sent as null: HSDS types them as strings.
import { EMAIL_PATTERN } from '../http/schemas';
import { cbsUri, hsdsId, taxonomyId, TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY } from './hsds.ids';
import { ACCESS_TEXT, COVERAGE_PREFIX } from './hsds.profile';
import type { HsdsDocument, LocationRow, OrganisationRow, Structured, TeamChildren, TeamRow, Term, Vocabulary } from './hsds.queries';
import { mergeRecord } from './hsds.merge';
import { residentsMaySeeNumber } from '../people/people.visibility';

export type Json = Record<string, unknown>;
/** A top-level HSDS record: every one has an id. */
export type Rec = { id: string; [key: string]: unknown };

/** Drops null/undefined fields (HSDS has no nullable strings). */
export function compact<T extends Json>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const email = (v: string | null) => (v && EMAIL_PATTERN.test(v) ? v : undefined);
/** A website typed without scheme still deserves to be a link (HSDS wants a full URI). */
const uri = (v: string | null) => (!v ? undefined : /^https?:\/\/\S+$/i.test(v) ? v : /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(v) ? `https://${v}` : undefined);
const date = (ts: string | null) => (ts ? ts.slice(0, 10) : undefined);
const postalCode = (pc: string) => `${pc.slice(0, 4)} ${pc.slice(4)}`;

const TAXONOMY_TEXT: Record<string, { name: string; description: string }> = {
  [TEAM_TYPE_TAXONOMY]: { name: 'Wijkweb teamtypes', description: 'Soorten teams in de wijk (sociaal wijkteam, huisarts, FACT-team …)' },
  [TOPIC_TAXONOMY]: { name: 'Wijkweb hulponderwerpen', description: 'Waarmee bewoners hulp zoeken (schulden, opvoeding, eenzaamheid …)' },
};

export function taxonomy(name: string): Rec {
  return { id: taxonomyId(name), ...TAXONOMY_TEXT[name]!, version: '1' };
}

export function taxonomyTerm(t: Term): Rec {
  return {
    id: t.id, code: t.key, name: t.label_nl, description: t.label_en, ...(t.parent_id ? { parent_id: t.parent_id } : {}), taxonomy: t.taxonomy,
    taxonomy_id: taxonomyId(t.taxonomy), taxonomy_detail: taxonomy(t.taxonomy), language: 'nl',
  };
}

function attribute(serviceId: string, t: Term, linkType: string): Json {
  return {
    id: hsdsId('attribute', `${serviceId}:${t.id}`), link_id: serviceId, link_type: linkType, link_entity: 'service',
    taxonomy_term_id: t.id, taxonomy_term: taxonomyTerm(t),
  };
}

/**
 * What of an imported original the public may see (the one visibility rule): every phone
 * list anywhere in it, contacts' phones included, without 06 numbers.
 */
export function publicOriginal(value: unknown): any {
  if (Array.isArray(value)) return value.map(publicOriginal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k,
    k === 'phones' && Array.isArray(v) ? v.filter((p) => residentsMaySeeNumber(p?.number)).map(publicOriginal) : publicOriginal(v)]));
}

/** Wijkweb's rendering merged with the record's verbatim original, if it was imported (hsds.merge.ts). */
export function withOriginal<T extends Rec>(now: T, doc: HsdsDocument | undefined): T {
  return doc ? mergeRecord(now, doc.mapped, publicOriginal(doc.original)) : now;
}

export function organization(o: OrganisationRow, doc?: HsdsDocument): Rec {
  return withOriginal(organizationAsWijkweb(o), doc);
}

export function organizationAsWijkweb(o: OrganisationRow): Rec {
  return compact({
    id: o.id, name: o.name, description: o.description, email: email(o.email), website: uri(o.website),
    phones: o.phone ? [{ id: hsdsId('phone', `organisation:${o.id}`), organization_id: o.id, number: o.phone, type: 'voice' }] : [],
  });
}

type Extras = Partial<Pick<TeamRow, 'minimum_age' | 'maximum_age' | 'eligibility_description' | 'fees_description' | 'interpretation_available'>>;

/** The one-to-one fields of a service (lists of an organisation's services). */
export function serviceCore(t: Pick<TeamRow, 'id' | 'name' | 'description' | 'website' | 'public_email' | 'access' | 'last_verified_at' | 'updated_at'> & Extras & { organisation_id?: string }): Rec {
  return compact({
    id: t.id, organization_id: t.organisation_id, name: t.name, description: t.description, url: uri(t.website),
    email: email(t.public_email), status: 'active',
    interpretation_services: t.interpretation_available ? INTERPRETATION_TEXT : undefined,
    application_process: ACCESS_TEXT[t.access], fees_description: t.fees_description ?? undefined,
    eligibility_description: t.eligibility_description ?? undefined, minimum_age: t.minimum_age ?? undefined, maximum_age: t.maximum_age ?? undefined,
    assured_date: date(t.last_verified_at), last_modified: t.updated_at,
  });
}

export const INTERPRETATION_TEXT = 'Er is een tolk beschikbaar.';
const COST_TEXT: Record<string, string> = { free: 'Gratis', contribution: 'Eigen bijdrage', insurance: 'Vergoed door de zorgverzekering', gemeente: 'Via de gemeente' };

type Parent = { service_id: string } | { location_id: string };
const parentOf = (r: { team_id?: string | null; location_id?: string | null }): Parent =>
  (r.team_id ? { service_id: r.team_id } : { location_id: r.location_id! });

function scheduleRec(r: Structured['schedules'][number]): Json {
  return compact({
    id: r.id, ...parentOf(r), valid_from: r.valid_from, valid_to: r.valid_to, dtstart: r.dtstart, until: r.until, timezone: r.timezone,
    count: r.count, wkst: r.wkst, freq: r.freq, interval: r.interval, byday: r.byday, byweekno: r.byweekno, bymonthday: r.bymonthday,
    byyearday: r.byyearday, description: r.description ?? (r.closed ? 'Gesloten' : undefined), opens_at: r.opens_at, closes_at: r.closes_at,
    schedule_link: r.schedule_link, attending_type: r.attending_type, notes: r.notes,
  });
}
const phoneRec = (r: Structured['phones'][number]): Json =>
  compact({ id: r.id, ...parentOf(r), number: r.number, extension: r.extension, type: r.type, description: r.description });
const languageRec = (r: Structured['languages'][number]): Json => compact({ id: r.id, ...parentOf(r), name: r.name, code: r.code, note: r.note });
const costRec = (r: Structured['costs'][number]): Json => compact({
  id: r.id, service_id: r.team_id, valid_from: r.valid_from, valid_to: r.valid_to, option: r.option ?? COST_TEXT[r.kind],
  currency: r.currency, amount: r.amount === null ? undefined : Number(r.amount), amount_description: r.amount_description,
});
const documentRec = (r: Structured['documents'][number]): Json => compact({ id: r.id, service_id: r.team_id, document: r.document, uri: r.uri });
const accessibilityRec = (r: Structured['accessibility'][number]): Json =>
  compact({ id: r.id, location_id: r.location_id, description: r.description ?? ACCESSIBILITY_TEXT[r.kind], details: r.details, url: r.url });
const ACCESSIBILITY_TEXT: Record<string, string> = { wheelchair: 'Rolstoeltoegankelijk', hearing_loop: 'Ringleiding', parking: 'Parkeren', other: 'Toegankelijkheid' };

const rowsOf = <T extends { team_id?: string | null; location_id?: string | null }>(rows: T[], key: 'team_id' | 'location_id', id: string) =>
  rows.filter((r) => r[key] === id);
/** Phones the public may see (the one visibility rule: never a 06 number in HSDS). */
const publicPhones = (rows: Structured['phones'], key: 'team_id' | 'location_id', id: string) =>
  rowsOf(rows, key, id).filter((r) => residentsMaySeeNumber(r.number)).map(phoneRec);

export function location(l: Omit<LocationRow, 'team_id'>, st?: Structured): Rec {
  const schedules = st ? rowsOf(st.schedules, 'location_id', l.id).map(scheduleRec) : [];
  return compact({
    id: l.id, location_type: 'physical', name: l.name ?? undefined, latitude: l.lat, longitude: l.lon,
    external_identifier: l.buurt_code ?? undefined, external_identifier_type: l.buurt_code ? 'cbs_buurtcode' : undefined,
    addresses: [{
      id: hsdsId('address', l.id), location_id: l.id, address_1: `${l.street} ${l.house_number}`, city: l.city,
      state_province: '', postal_code: postalCode(l.postcode), country: 'NL', address_type: 'physical',
    }],
    schedules: [...schedules, ...(l.opening_hours ? [{ id: hsdsId('schedule', `location:${l.id}`), location_id: l.id, description: l.opening_hours }] : [])],
    ...(st ? {
      phones: publicPhones(st.phones, 'location_id', l.id),
      languages: rowsOf(st.languages, 'location_id', l.id).map(languageRec),
      accessibility: rowsOf(st.accessibility, 'location_id', l.id).map(accessibilityRec),
    } : {}),
  });
}

const organizationOf = (t: TeamRow) =>
  compact({ id: t.organisation_id, name: t.org_name, description: t.org_description, email: email(t.org_email), website: uri(t.org_website) });

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The service_at_location of a service document that links to `locationId`. */
const salOf = (service: Record<string, unknown> | undefined, locationId: string): Rec | undefined =>
  (Array.isArray(service?.service_at_locations) ? service.service_at_locations : [])
    .find((x: unknown) => isRec(x) && (x.location_id === locationId || (isRec(x.location) && x.location.id === locationId)));

/** A team at one of its locations (the list shape: one-to-one fields, location and service). */
export function serviceAtLocation(t: TeamRow, l: LocationRow, doc?: HsdsDocument, structured?: Structured): Rec {
  const now: Rec = {
    id: hsdsId('service_at_location', `${t.id}:${l.id}`), service_id: t.id, location_id: l.id,
    location: location(l, structured), service: withOriginal({ ...serviceCore(t), organization: organizationOf(t) }, doc),
  };
  const [mapped, original] = [salOf(doc?.mapped, l.id), salOf(doc?.original, l.id)];
  return mapped && original ? mergeRecord(now, mapped, publicOriginal(original)) : now;
}

const groupBy = <T extends { team_id: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.team_id, [...(map.get(r.team_id) ?? []), r]);
  return map;
};

/** Fully nested services for a page of teams and their batched children. */
export function services(rows: TeamRow[], children: TeamChildren, vocab: Vocabulary): Rec[] {
  return servicesAsWijkweb(rows, children, vocab).map((s) => withOriginal(s, children.documents.get(s.id)));
}

/** Wijkweb's own rendering of its rows (what an import records as `mapped`). */
export function servicesAsWijkweb(rows: TeamRow[], children: TeamChildren, vocab: Vocabulary): Rec[] {
  const topics = groupBy(children.topics);
  const areas = groupBy(children.areas);
  const locations = groupBy(children.locations);
  const termOf = (taxonomy: string, key: string) => vocab.byKey.get(`${taxonomy}:${key}`);
  return rows.map((t) => {
    const typeTerm = termOf(TEAM_TYPE_TAXONOMY, t.team_type);
    const topicTerms = (topics.get(t.id) ?? []).map((r) => termOf(TOPIC_TAXONOMY, r.topic_key)).filter((x): x is Term => !!x);
    const st = children.structured;
    const phones = publicPhones(st.phones, 'team_id', t.id);
    const schedules = rowsOf(st.schedules, 'team_id', t.id).map(scheduleRec);
    return {
      ...serviceCore(t),
      organization: organizationOf(t) as Rec,
      // structured phones when the team has them, else its one public number
      phones: phones.length ? phones : t.public_phone ? [{ id: hsdsId('phone', `team:${t.id}`), service_id: t.id, number: t.public_phone, type: 'voice' }] : [],
      // weekly hours and exceptions, then the free-text note beside them
      schedules: [...schedules, ...(t.walk_in_hours ? [{ id: hsdsId('schedule', `team:${t.id}`), service_id: t.id, description: t.walk_in_hours, attending_type: 'in_person' }] : [])],
      languages: rowsOf(st.languages, 'team_id', t.id).map(languageRec),
      cost_options: rowsOf(st.costs, 'team_id', t.id).map(costRec),
      required_documents: rowsOf(st.documents, 'team_id', t.id).map(documentRec),
      funding: t.funding ? [{ id: hsdsId('funding', t.id), service_id: t.id, source: t.funding }] : [],
      service_areas: (areas.get(t.id) ?? []).map((a) => compact({
        id: hsdsId('service_area', `${t.id}:${a.code}`), service_id: t.id, name: a.name, description: `${COVERAGE_PREFIX}${a.coverage}`,
        uri: cbsUri(a.code), extent: a.geometry ? JSON.stringify(a.geometry) : undefined, extent_type: a.geometry ? 'geojson' : undefined,
      })),
      service_at_locations: (locations.get(t.id) ?? []).map((l) => ({
        id: hsdsId('service_at_location', `${t.id}:${l.id}`), service_id: t.id, location_id: l.id, location: location(l, st),
      })),
      attributes: [...(typeTerm ? [attribute(t.id, typeTerm, 'team_type')] : []), ...topicTerms.map((x) => attribute(t.id, x, 'topic'))],
    };
  });
}

/** The one-to-one fields of a service (the HSDS list shape): no lists, only its organization. */
export function oneToOne(s: Rec): Rec {
  return Object.fromEntries(Object.entries(s).filter(([k, v]) => k === 'organization' || k === 'program' || typeof v !== 'object' || v === null)) as Rec;
}

/** HSDS paging envelope. */
export function hsdsPage(contents: Rec[], total: number, page: number, perPage: number) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total, total_pages: totalPages, page_number: page, size: contents.length,
    first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents,
  };
}
