// Reading the directory for HSDS: one page of teams (or organisations) plus their
// children fetched in one batch per kind, so a page costs the same few queries whatever
// its size. Public data only: teams, organisations, locations and areas, never people.
import { type Kysely, sql } from 'kysely';
import { likePattern } from '../db/sql';
import type { DB } from '../db/types';
import { hsdsId, taxonomyId, TEAM_TYPE_TAXONOMY, termId, TOPIC_TAXONOMY } from './hsds.ids';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS, type Audience } from '../domain/audience';
import { buurtenByPostcode } from '../lookup/lookup.queries';
import type { DocumentKind } from './hsds.collect';

export interface Term { id: string; taxonomy: string; key: string; label_nl: string; label_en: string; parent_id?: string }
/**
 * `terms`: team types and topics (what services are tagged with); `groups`: their parents,
 * the team categories and the life domains of the topics (top-level terms, never on a service).
 */
export interface Vocabulary { terms: Term[]; groups: Term[]; byId: Map<string, Term>; byKey: Map<string, Term> }

/** Team types and topics as HSDS taxonomy terms (a few dozen rows: read whole). */
export async function loadVocabulary(db: Kysely<DB>): Promise<Vocabulary> {
  const [types, topics] = await Promise.all([
    db.selectFrom('team_types').select(['key', 'label_nl', 'label_en', 'category']).orderBy('sort_order').orderBy('key').execute(),
    db.selectFrom('topics').select(['key', 'label_nl', 'label_en', 'domain']).orderBy('sort_order').orderBy('key').execute(),
  ]);
  const groups = new Map<string, Term>();
  const group = (taxonomy: string, key: string) => {
    const id = groupTermId(taxonomy, key);
    const labels = GROUP_LABELS[key] ?? { label_nl: key, label_en: key };
    if (!groups.has(id)) groups.set(id, { id, taxonomy, key: `${GROUP_PREFIX}${key}`, ...labels });
    return id;
  };
  const terms: Term[] = [
    ...types.map(({ category, ...t }) => ({ ...t, taxonomy: TEAM_TYPE_TAXONOMY, id: termId(TEAM_TYPE_TAXONOMY, t.key), parent_id: group(TEAM_TYPE_TAXONOMY, category) })),
    ...topics.map(({ domain, ...t }) => ({ ...t, taxonomy: TOPIC_TAXONOMY, id: termId(TOPIC_TAXONOMY, t.key), parent_id: group(TOPIC_TAXONOMY, domain) })),
  ];
  return { terms, groups: [...groups.values()], byId: new Map(terms.map((t) => [t.id, t])), byKey: new Map(terms.map((t) => [`${t.taxonomy}:${t.key}`, t])) };
}

const GROUP_PREFIX = 'groep:';
export const groupTermId = (taxonomy: string, key: string) => termId(taxonomy, `${GROUP_PREFIX}${key}`);
/** Team categories and the topics' life domains (Zelfredzaamheid-Matrix), Dutch and English. */
const GROUP_LABELS: Record<string, { label_nl: string; label_en: string }> = {
  first_contact: { label_nl: 'Eerste hulp in de wijk', label_en: 'First contact' },
  care: { label_nl: 'Zorg', label_en: 'Care' },
  welfare: { label_nl: 'Welzijn', label_en: 'Welfare' },
  informal: { label_nl: 'Vrijwilligers en mantelzorg', label_en: 'Volunteers and informal care' },
  other: { label_nl: 'Overig', label_en: 'Other' },
  addiction: { label_nl: 'Verslaving', label_en: 'Addiction' },
  daily_living: { label_nl: 'Dagelijks leven', label_en: 'Daily living' },
  daytime: { label_nl: 'Dagbesteding en werk', label_en: 'Daytime activities and work' },
  family: { label_nl: 'Gezin en opvoeding', label_en: 'Family and parenting' },
  finance: { label_nl: 'Geld', label_en: 'Money' },
  housing: { label_nl: 'Wonen', label_en: 'Housing' },
  justice: { label_nl: 'Justitie', label_en: 'Justice' },
  mental_health: { label_nl: 'Psychische gezondheid', label_en: 'Mental health' },
  participation: { label_nl: 'Meedoen', label_en: 'Participation' },
  physical_health: { label_nl: 'Lichamelijke gezondheid', label_en: 'Physical health' },
  safety: { label_nl: 'Veiligheid', label_en: 'Safety' },
  social_network: { label_nl: 'Sociaal netwerk', label_en: 'Social network' },
};

export interface ServiceFilter {
  ids?: string[]; search?: string; taxonomy_term_id?: string; taxonomy_id?: string;
  organization_id?: string; modified_after?: string;
  /** Who the rendering is for: the public (default), or the import recording what it made of its records. */
  audience?: Audience;
  organization_ids?: string[];
  /** Only teams that work in one of these buurten (a postcode's buurten). */
  buurt_codes?: string[];
}

export interface Near { lat: number; lon: number; metres: number }

/** The buurten of a postcode's PC4 part and their centre (mean of their bounding-box centres); null when no buurt has it. */
export async function postcodeArea(db: Kysely<DB>, postcode: string): Promise<{ buurtCodes: string[]; centre: { lat: number; lon: number } | null }> {
  const buurten = await buurtenByPostcode(db, postcode.slice(0, 4));
  const boxed = buurten.filter((b) => b.min_lat !== null && b.max_lat !== null && b.min_lon !== null && b.max_lon !== null);
  const mean = (f: (b: typeof boxed[number]) => number) => boxed.reduce((sum, b) => sum + f(b), 0) / boxed.length;
  return {
    buurtCodes: buurten.map((b) => b.code),
    centre: boxed.length ? { lat: mean((b) => (b.min_lat! + b.max_lat!) / 2), lon: mean((b) => (b.min_lon! + b.max_lon!) / 2) } : null,
  };
}

/** SQL: location `l` lies within `near.metres` of the point (equirectangular: exact enough within a gemeente). */
const within = (near: Near) => sql<boolean>`6371008.8 * sqrt(power(radians(l.lat - ${near.lat}), 2)
  + power(radians(l.lon - ${near.lon}) * cos(radians(${near.lat})), 2)) <= ${near.metres}`;

function filteredTeams(db: Kysely<DB>, f: ServiceFilter, vocab: Vocabulary) {
  let q = db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where(teamVisibleTo(f.audience ?? ANONYMOUS)).where('o.archived_at', 'is', null);
  if (f.ids) q = q.where('t.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.search) {
    const pattern = likePattern(f.search);
    q = q.where((eb) => eb.or([eb('t.name', 'ilike', pattern), eb('o.name', 'ilike', pattern), eb('t.description', 'ilike', pattern)]));
  }
  if (f.taxonomy_term_id) {
    const term = vocab.byId.get(f.taxonomy_term_id);
    if (!term) q = q.where(sql<boolean>`false`);
    else if (term.taxonomy === TEAM_TYPE_TAXONOMY) q = q.where('t.team_type', '=', term.key);
    else q = q.where((eb) => eb.exists(eb.selectFrom('team_topics as ft').select('ft.team_id')
      .whereRef('ft.team_id', '=', 't.id').where('ft.topic_key', '=', term.key)));
  }
  if (f.taxonomy_id) {
    // Every team has a team type; "any topic term" means at least one topic.
    if (f.taxonomy_id === taxonomyId(TOPIC_TAXONOMY)) {
      q = q.where((eb) => eb.exists(eb.selectFrom('team_topics as xt').select('xt.team_id').whereRef('xt.team_id', '=', 't.id')));
    } else if (f.taxonomy_id !== taxonomyId(TEAM_TYPE_TAXONOMY)) q = q.where(sql<boolean>`false`);
  }
  if (f.organization_id) q = q.where('t.organisation_id', '=', f.organization_id);
  if (f.organization_ids) q = q.where('t.organisation_id', 'in', f.organization_ids.length ? f.organization_ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.buurt_codes) {
    const codes = f.buurt_codes.length ? f.buurt_codes : ['-'];
    q = q.where((eb) => eb.exists(eb.selectFrom('team_areas as pa').select('pa.team_id').whereRef('pa.team_id', '=', 't.id').where('pa.area_code', 'in', codes)));
  }
  if (f.modified_after) q = q.where('t.updated_at', '>=', f.modified_after);
  return q;
}

const TEAM_COLUMNS = ['t.id', 't.organisation_id', 't.name', 't.description', 't.team_type', 't.access', 't.funding',
  't.public_phone', 't.public_email', 't.website', 't.walk_in_hours', 't.last_verified_at', 't.updated_at',
  't.minimum_age', 't.maximum_age', 't.eligibility_description', 't.fees_description', 't.interpretation_available'] as const;
const ORG_COLUMNS = ['o.id', 'o.name', 'o.description', 'o.website', 'o.phone', 'o.email'] as const;

export type TeamRow = Awaited<ReturnType<typeof teamPage>>['rows'][number];

async function teamPage(db: Kysely<DB>, f: ServiceFilter, vocab: Vocabulary, page: number, perPage: number) {
  const base = filteredTeams(db, f, vocab);
  const [rows, count] = await Promise.all([
    base.select([...TEAM_COLUMNS, 'o.name as org_name', 'o.description as org_description', 'o.website as org_website', 'o.email as org_email'])
      .orderBy('t.name').orderBy('t.id').limit(perPage).offset((page - 1) * perPage).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface HsdsDocument { original: Record<string, unknown>; mapped: Record<string, unknown> }

/** The verbatim originals of imported records (hsds.merge.ts), by id. */
export async function hsdsDocuments(db: Kysely<DB>, kind: DocumentKind, ids: string[]): Promise<Map<string, HsdsDocument>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('hsds_documents').select(['id', 'original', 'mapped']).where('kind', '=', kind)
    .where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { original: r.original as Record<string, unknown>, mapped: r.mapped as Record<string, unknown> }]));
}

/** The children of a page of teams, one query per kind (never one per team). */
export async function teamChildren(db: Kysely<DB>, teamIds: string[], withExtent: boolean) {
  if (teamIds.length === 0) return { topics: [], areas: [], locations: [], documents: new Map<string, HsdsDocument>(), structured: emptyStructured() };
  const [topics, areas, locations, documents, structured] = await Promise.all([
    db.selectFrom('team_topics').select(['team_id', 'topic_key']).where('team_id', 'in', teamIds)
      .orderBy('team_id').orderBy('topic_key').execute(),
    db.selectFrom('team_areas as ta').innerJoin('areas as a', 'a.code', 'ta.area_code').where('ta.team_id', 'in', teamIds)
      .select(['ta.team_id', 'a.code', 'a.name', 'a.kind', 'ta.coverage'])
      .$if(withExtent, (qb) => qb.select('a.geometry'))
      .orderBy('ta.team_id').orderBy('a.code').execute(),
    db.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id')
      .where('tl.team_id', 'in', teamIds).where('l.archived_at', 'is', null)
      .select(['tl.team_id', 'l.id', 'l.name', 'l.street', 'l.house_number', 'l.postcode', 'l.city', 'l.lat', 'l.lon',
        'l.buurt_code', 'l.opening_hours'])
      .orderBy('tl.team_id').orderBy('l.id').execute(),
    hsdsDocuments(db, 'service', teamIds),
    structuredChildren(db, teamIds),
  ]);
  return { topics, areas: areas as (typeof areas[number] & { geometry?: unknown })[], locations, documents, structured };
}
export type TeamChildren = Awaited<ReturnType<typeof teamChildren>>;

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/**
 * Structured service data (schedules, phones, languages, cost options, required documents,
 * accessibility) of a page of teams and of their locations: one query per table.
 */
export async function structuredChildren(db: Kysely<DB>, teamIds: string[], locationIds?: string[]) {
  const ofLocations = (eb: any, column: string) => (locationIds
    ? eb(column, 'in', locationIds.length ? locationIds : ['00000000-0000-0000-0000-000000000000'])
    : eb(column, 'in', eb.selectFrom('team_locations').select('location_id').where('team_id', 'in', teamIds.length ? teamIds : ['00000000-0000-0000-0000-000000000000'])));
  const teams = teamIds.length ? teamIds : ['00000000-0000-0000-0000-000000000000'];
  const [schedules, phones, languages, costs, documents, accessibility] = await Promise.all([
    db.selectFrom('schedules').selectAll().select([day('valid_from').as('valid_from'), day('valid_to').as('valid_to'), day('dtstart').as('dtstart'), day('until').as('until')])
      .where((eb) => eb.or([eb('team_id', 'in', teams), ofLocations(eb, 'location_id')])).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('phones').selectAll().where((eb) => eb.or([eb('team_id', 'in', teams), ofLocations(eb, 'location_id')])).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('languages').selectAll().where((eb) => eb.or([eb('team_id', 'in', teams), ofLocations(eb, 'location_id')])).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('cost_options').selectAll().select([day('valid_from').as('valid_from'), day('valid_to').as('valid_to')])
      .where('team_id', 'in', teams).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('required_documents').selectAll().where('team_id', 'in', teams).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('accessibility').selectAll().where((eb) => ofLocations(eb, 'location_id')).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return { schedules, phones, languages, costs, documents, accessibility };
}
export type Structured = Awaited<ReturnType<typeof structuredChildren>>;
export const emptyStructured = (): Structured => ({ schedules: [], phones: [], languages: [], costs: [], documents: [], accessibility: [] });
export type LocationRow = TeamChildren['locations'][number];

export async function servicePage(db: Kysely<DB>, f: ServiceFilter, page: number, perPage: number, withExtent = false) {
  const vocab = await loadVocabulary(db);
  const { rows, total } = await teamPage(db, f, vocab, page, perPage);
  const children = await teamChildren(db, rows.map((r) => r.id), withExtent);
  return { rows, total, children, vocab };
}

/** Organisations, paged; their services (one-to-one fields) only when asked for by id. */
export async function organisationPage(db: Kysely<DB>, f: { search?: string; ids?: string[] }, page: number, perPage: number) {
  let base = db.selectFrom('organisations as o').where('o.archived_at', 'is', null);
  if (f.ids) base = base.where('o.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.search) base = base.where('o.name', 'ilike', likePattern(f.search));
  const [rows, count] = await Promise.all([
    base.select(ORG_COLUMNS).orderBy('o.name').orderBy('o.id').limit(perPage).offset((page - 1) * perPage).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const documents = await hsdsDocuments(db, 'organization', rows.map((r) => r.id));
  return { rows, total: Number(count.n), documents };
}

/** Locations by id (those an import wrote), in the shape of a team's locations. */
export async function locationsById(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('locations as l').where('l.id', 'in', ids).where('l.archived_at', 'is', null)
    .select(['l.id', 'l.name', 'l.street', 'l.house_number', 'l.postcode', 'l.city', 'l.lat', 'l.lon', 'l.buurt_code', 'l.opening_hours'])
    .orderBy('l.id').execute();
}
export type OrganisationRow = Awaited<ReturnType<typeof organisationPage>>['rows'][number];

export async function servicesOfOrganisation(db: Kysely<DB>, organisationId: string) {
  return db.selectFrom('teams as t').where('t.organisation_id', '=', organisationId).where(teamVisibleTo(ANONYMOUS))
    .select(['t.id', 't.name', 't.description', 't.website', 't.public_email', 't.access', 't.last_verified_at', 't.updated_at'])
    .orderBy('t.name').orderBy('t.id').execute();
}

/** One page of (team, location) pairs, with the filters of services applied to the team. */
export async function serviceAtLocationPage(db: Kysely<DB>, f: ServiceFilter & { pairs?: { team_id: string; location_id: string }[]; near?: Near }, page: number, perPage: number) {
  const vocab = await loadVocabulary(db);
  let base = filteredTeams(db, f, vocab).innerJoin('team_locations as tl', 'tl.team_id', 't.id')
    .innerJoin('locations as l', 'l.id', 'tl.location_id').where('l.archived_at', 'is', null);
  if (f.near) base = base.where(within(f.near));
  if (f.pairs) {
    const pairs = f.pairs;
    base = base.where((eb) => (pairs.length ? eb.or(pairs.map((p) => eb.and([eb('tl.team_id', '=', p.team_id), eb('tl.location_id', '=', p.location_id)]))) : sql<boolean>`false`));
  }
  const [pairs, count] = await Promise.all([
    base.select(['t.id as team_id', 'l.id as location_id']).orderBy('t.name').orderBy('t.id').orderBy('l.id')
      .limit(perPage).offset((page - 1) * perPage).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const teamIds = [...new Set(pairs.map((p) => p.team_id))];
  const teams = teamIds.length ? (await teamPage(db, { ids: teamIds }, vocab, 1, teamIds.length)).rows : [];
  const children = await teamChildren(db, teamIds, false);
  return { pairs, total: Number(count.n), teams, children, vocab };
}

/**
 * The (team, location) a service_at_location id stands for: the source's id of an imported
 * link (kept in the service's original), else Wijkweb's derived id of a public link.
 */
export async function serviceAtLocationById(db: Kysely<DB>, id: string): Promise<{ team_id: string; location_id: string } | null> {
  const imported = await sql<{ id: string; original: { service_at_locations?: { id?: string; location_id?: string; location?: { id?: string } }[] } }>`
    select id, original from hsds_documents where kind = 'service'
    and original::jsonb @> ${JSON.stringify({ service_at_locations: [{ id }] })}::jsonb limit 1`.execute(db);
  const doc = imported.rows[0];
  if (doc) {
    const sal = doc.original.service_at_locations?.find((x) => x.id === id);
    const location = sal?.location_id ?? sal?.location?.id;
    if (location) return { team_id: doc.id, location_id: location };
  }
  const pairs = await db.selectFrom('team_locations as tl').innerJoin('teams as t', 't.id', 'tl.team_id')
    .where(teamVisibleTo(ANONYMOUS)).select(['tl.team_id', 'tl.location_id']).execute();
  return pairs.find((p) => hsdsId('service_at_location', `${p.team_id}:${p.location_id}`) === id) ?? null;
}
