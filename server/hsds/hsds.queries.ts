// Reading the directory for HSDS: one page of teams (or organisations) plus their
// children fetched in one batch per kind, so a page costs the same few queries whatever
// its size. Public data only: teams, organisations, locations and areas, never people.
import { type Kysely, sql } from 'kysely';
import { likePattern } from '../db/sql';
import type { DB } from '../db/types';
import { taxonomyId, TEAM_TYPE_TAXONOMY, termId, TOPIC_TAXONOMY } from './hsds.ids';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS } from '../domain/audience';

export interface Term { id: string; taxonomy: string; key: string; label_nl: string; label_en: string }
export interface Vocabulary { terms: Term[]; byId: Map<string, Term>; byKey: Map<string, Term> }

/** Team types and topics as HSDS taxonomy terms (a few dozen rows: read whole). */
export async function loadVocabulary(db: Kysely<DB>): Promise<Vocabulary> {
  const [types, topics] = await Promise.all([
    db.selectFrom('team_types').select(['key', 'label_nl', 'label_en']).orderBy('sort_order').orderBy('key').execute(),
    db.selectFrom('topics').select(['key', 'label_nl', 'label_en']).orderBy('sort_order').orderBy('key').execute(),
  ]);
  const terms = [
    ...types.map((t) => ({ ...t, taxonomy: TEAM_TYPE_TAXONOMY, id: termId(TEAM_TYPE_TAXONOMY, t.key) })),
    ...topics.map((t) => ({ ...t, taxonomy: TOPIC_TAXONOMY, id: termId(TOPIC_TAXONOMY, t.key) })),
  ];
  return { terms, byId: new Map(terms.map((t) => [t.id, t])), byKey: new Map(terms.map((t) => [`${t.taxonomy}:${t.key}`, t])) };
}

interface ServiceFilter {
  ids?: string[]; search?: string; taxonomy_term_id?: string; taxonomy_id?: string;
  organization_id?: string; modified_after?: string;
}

function filteredTeams(db: Kysely<DB>, f: ServiceFilter, vocab: Vocabulary) {
  let q = db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where(teamVisibleTo(ANONYMOUS)).where('o.archived_at', 'is', null);
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
  if (f.modified_after) q = q.where('t.updated_at', '>=', f.modified_after);
  return q;
}

const TEAM_COLUMNS = ['t.id', 't.organisation_id', 't.name', 't.description', 't.team_type', 't.access', 't.funding',
  't.public_phone', 't.public_email', 't.website', 't.walk_in_hours', 't.last_verified_at', 't.updated_at'] as const;
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

/** The children of a page of teams, one query per kind (never one per team). */
async function teamChildren(db: Kysely<DB>, teamIds: string[], withExtent: boolean) {
  if (teamIds.length === 0) return { topics: [], areas: [], locations: [] };
  const [topics, areas, locations] = await Promise.all([
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
  ]);
  return { topics, areas: areas as (typeof areas[number] & { geometry?: unknown })[], locations };
}
export type TeamChildren = Awaited<ReturnType<typeof teamChildren>>;
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
  return { rows, total: Number(count.n) };
}
export type OrganisationRow = Awaited<ReturnType<typeof organisationPage>>['rows'][number];

export async function servicesOfOrganisation(db: Kysely<DB>, organisationId: string) {
  return db.selectFrom('teams as t').where('t.organisation_id', '=', organisationId).where(teamVisibleTo(ANONYMOUS))
    .select(['t.id', 't.name', 't.description', 't.website', 't.public_email', 't.access', 't.last_verified_at', 't.updated_at'])
    .orderBy('t.name').orderBy('t.id').execute();
}

/** One page of (team, location) pairs, with the filters of services applied to the team. */
export async function serviceAtLocationPage(db: Kysely<DB>, f: ServiceFilter, page: number, perPage: number) {
  const vocab = await loadVocabulary(db);
  const base = filteredTeams(db, f, vocab).innerJoin('team_locations as tl', 'tl.team_id', 't.id')
    .innerJoin('locations as l', 'l.id', 'tl.location_id').where('l.archived_at', 'is', null);
  const [pairs, count] = await Promise.all([
    base.select(['t.id as team_id', 'l.id as location_id']).orderBy('t.name').orderBy('t.id').orderBy('l.id')
      .limit(perPage).offset((page - 1) * perPage).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const teamIds = [...new Set(pairs.map((p) => p.team_id))];
  const teams = teamIds.length ? (await teamPage(db, { ids: teamIds }, vocab, 1, teamIds.length)).rows : [];
  const children = await teamChildren(db, teamIds, false);
  return { pairs, total: Number(count.n), teams, children };
}
