// Loading HSDS into the directory: organizations, services (teams), locations, their links,
// service areas (CBS buurten) and taxonomy terms (team type, topics). One transaction;
// records keep their ids, so a second import updates instead of duplicating, and an
// unchanged record is left alone (no version bump). Unusable records are reported, not fatal.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';
import { type Bundle, collect, type DocumentKind, emptyBundle, type Obj } from './hsds.collect';
import { hsdsDocuments, loadVocabulary, locationsById, organisationPage, servicePage, structuredChildren, type Vocabulary } from './hsds.queries';
import { location, organizationAsWijkweb, type Rec, servicesAsWijkweb } from './hsds.map';
import type { Audience } from '../domain/audience';
import { TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY } from './hsds.ids';
import { attributeTerms, lastModified, locationFields, organisationFields, serviceAreaCode, teamFields } from './hsds.rows';
import { isUuid } from '../http/schemas';
import { syncChildren } from '../db/sync-children';
import { writeImportedServiceData } from './hsds.service-data';
import { areaCodesFor, upsertRecords, type UpsertCounts } from './hsds.write';

export interface HsdsImportReport {
  organizations: UpsertCounts; services: UpsertCounts; locations: UpsertCounts;
  service_areas: { linked: number; skipped: number };
  skipped: { kind: string; id: string; reason: string }[];
  ignored: string[];
}
export interface HsdsImportOptions { onProgress?: (message: string) => void }

/** Unknown team types become this one (created on first need). */
export const FALLBACK_TEAM_TYPE = { key: 'other', label_nl: 'Overig', label_en: 'Other', category: 'other' as const, sort_order: 9999 };

export function bundleOf(files: { name: string; data: unknown }[]): Bundle {
  const bundle = emptyBundle();
  for (const f of files) collect(bundle, f.data, f.name);
  return bundle;
}

export async function importHsds(db: Kysely<DB>, files: { name: string; data: unknown }[], opts: HsdsImportOptions = {}): Promise<HsdsImportReport> {
  const bundle = bundleOf(files);
  const say = opts.onProgress ?? (() => {});
  say(`read ${bundle.organizations.size} organizations, ${bundle.services.size} services, ${bundle.locations.size} locations`);
  return db.transaction().execute(async (trx) => {
    const report: HsdsImportReport = { organizations: zero(), services: zero(), locations: zero(), service_areas: { linked: 0, skipped: 0 }, skipped: [], ignored: bundle.ignored };
    const skip = (kind: string, id: unknown, reason: string) => report.skipped.push({ kind, id: String(id ?? '(no id)'), reason });

    const orgs = usable(bundle.organizations, organisationFields, (id, r) => skip('organization', id, r));
    report.organizations = await upsertRecords(trx, 'organisations', orgs, { name: '', description: '', website: null, email: null, phone: null }, (m) => say(`organizations ${m}`));

    const locations = usable(bundle.locations, locationFields, (id, r) => skip('location', id, r));
    const knownBuurten = await areaCodesFor(trx, locations.map((l) => l.fields.buurt_code).filter((c): c is string => !!c));
    for (const l of locations) if (l.fields.buurt_code && !knownBuurten.has(l.fields.buurt_code)) l.fields.buurt_code = null;
    report.locations = await upsertRecords(trx, 'locations', locations, {}, (m) => say(`locations ${m}`));

    const orgIds = await knownOrganisations(trx, [...bundle.services.values()].map((s) => s.organization_id).filter(isUuid));
    const vocab = await loadVocabulary(trx);
    const services = usable(bundle.services, teamFields, (id, r) => skip('service', id, r)).filter((s) => {
      if (orgIds.has(s.record.organization_id)) return true;
      skip('service', s.id, `organization ${s.record.organization_id ?? '(none)'} is not known`);
      return false;
    });
    const teams = services.map((s) => ({ ...s, fields: { ...s.fields, organisation_id: s.record.organization_id as string, ...teamTerms(s.record, vocab) }, updatedAt: lastModified(s.record) }));
    if (teams.some((t) => (t.fields.team_type ?? FALLBACK_TEAM_TYPE.key) === FALLBACK_TEAM_TYPE.key)) {
      await trx.insertInto('team_types').values(FALLBACK_TEAM_TYPE).onConflict((oc) => oc.doNothing()).execute();
    }
    report.services = await upsertRecords(trx, 'teams', teams.map(({ fields: { topics: _topics, ...fields }, ...rest }) => ({ ...rest, fields })), { description: '', access: 'self_referral', team_type: FALLBACK_TEAM_TYPE.key, interpretation_available: false }, (m) => say(`services ${m}`));

    await replaceTopics(trx, teams);
    await replaceLocations(trx, teams, bundle);
    report.service_areas = await replaceAreas(trx, teams, (id, r) => skip('service_area', id, r));
    const structured = await writeImportedServiceData(trx, teams, locations);
    say(`hours, phones, languages, costs, documents and accessibility: ${structured} records changed`);
    // Every location has an owner (server/domain/permissions.ts): a new one belongs to the
    // organisation of the first service at it; others may link to it, never edit it.
    await sql`update locations l set organisation_id = (select t.organisation_id from team_locations tl join teams t on t.id = tl.team_id
      where tl.location_id = l.id order by t.created_at, t.id limit 1)
      where l.organisation_id is null and exists (select 1 from team_locations tl where tl.location_id = l.id)`.execute(trx);
    // Changed child lists stamped the teams with now(); the source's modification time wins.
    for (const t of teams) {
      if (t.updatedAt) await trx.updateTable('teams').set({ updated_at: t.updatedAt }).where('id', '=', t.id).where('updated_at', '!=', t.updatedAt).execute();
    }
    say(`service areas: ${report.service_areas.linked} linked, ${report.service_areas.skipped} skipped`);
    await keepOriginals(trx, bundle, { organization: orgs.map((o) => o.id), service: teams.map((t) => t.id), location: locations.map((l) => l.id) });
    return report;
  });
}

// What the import made of its records is recorded whatever residents may see of them now
// (a service last verified years ago is hidden from them, yet its original must be kept).
const IMPORTER: Audience = { kind: 'admin', accountId: 'hsds-import', personId: null, teamIds: [], organisationIds: [] };
const CHUNK = 500;

/** Wijkweb's rendering of the rows an import wrote, by id: the `mapped` side of each document. */
async function renderAsWijkweb(trx: Transaction<DB>, kind: DocumentKind, ids: string[]): Promise<Rec[]> {
  if (kind === 'service') {
    const { rows, children, vocab } = await servicePage(trx, { ids, audience: IMPORTER }, 1, ids.length);
    return servicesAsWijkweb(rows, children, vocab);
  }
  if (kind === 'organization') return (await organisationPage(trx, { ids }, 1, ids.length)).rows.map(organizationAsWijkweb);
  const st = await structuredChildren(trx, [], ids);
  return (await locationsById(trx, ids)).map((l) => location(l, st));
}

/**
 * Keeps each imported record verbatim beside what Wijkweb made of it (hsds.merge.ts). A record
 * mentioned again keeps the fields it leaves out, as its columns do.
 */
async function keepOriginals(trx: Transaction<DB>, bundle: Bundle, ids: Record<DocumentKind, string[]>) {
  for (const kind of ['organization', 'service', 'location'] as const) {
    for (let i = 0; i < ids[kind].length; i += CHUNK) {
      const chunk = ids[kind].slice(i, i + CHUNK);
      const [mapped, stored] = await Promise.all([renderAsWijkweb(trx, kind, chunk), hsdsDocuments(trx, kind, chunk)]);
      const rows = mapped.map((m) => ({ kind, id: m.id, mapped: JSON.stringify(m),
        original: JSON.stringify({ ...stored.get(m.id)?.original, ...bundle.originals[kind].get(m.id) }) }));
      if (!rows.length) continue;
      await trx.insertInto('hsds_documents').values(rows)
        .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet((eb) => ({ original: eb.ref('excluded.original'), mapped: eb.ref('excluded.mapped'), imported_at: sql`now()` }))
          .where(sql<boolean>`hsds_documents.original::text <> excluded.original::text or hsds_documents.mapped::text <> excluded.mapped::text`))
        .execute();
    }
  }
}

async function knownOrganisations(trx: Transaction<DB>, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await trx.selectFrom('organisations').select('id').where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id));
}

const zero = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0 });
const isString = (v: unknown): v is string => typeof v === 'string';

function usable<F>(records: Map<string, Obj>, fields: (r: Obj) => F | string, skip: (id: unknown, reason: string) => void) {
  const out: { id: string; record: Obj; fields: F }[] = [];
  for (const record of records.values()) {
    const f = fields(record);
    if (typeof f === 'string') skip(record.id, f);
    else out.push({ id: record.id as string, record, fields: f });
  }
  return out;
}

/** Team type and topics from the service's taxonomy terms (by Wijkweb term id, else by code). */
function teamTerms(record: Obj, vocab: Vocabulary): { team_type?: string; topics?: string[] } {
  if (!('attributes' in record)) return {};
  const terms = attributeTerms(record).map((a) => (a.id && vocab.byId.get(a.id))
    || (a.linkType !== 'topic' && a.code && vocab.byKey.get(`${TEAM_TYPE_TAXONOMY}:${a.code}`))
    || (a.linkType !== 'team_type' && a.code && vocab.byKey.get(`${TOPIC_TAXONOMY}:${a.code}`)) || null);
  const type = terms.find((t) => t?.taxonomy === TEAM_TYPE_TAXONOMY);
  return {
    team_type: type?.key ?? FALLBACK_TEAM_TYPE.key,
    topics: [...new Set(terms.filter((t) => t?.taxonomy === TOPIC_TAXONOMY).map((t) => t!.key))],
  };
}

type ImportedTeam = { id: string; record: Obj; fields: { topics?: string[] } };

async function replaceTopics(trx: Transaction<DB>, teams: ImportedTeam[]) {
  const said = teams.filter((t) => t.fields.topics);
  if (!said.length) return;
  const rows = said.flatMap((t) => [...new Set(t.fields.topics!)].map((topic_key) => ({ team_id: t.id, topic_key })));
  await syncChildren(trx, { table: 'team_topics', parent: 'team_id', child: 'topic_key', replaceFor: said.map((t) => t.id), rows });
}

/** A service that lists its locations has exactly those; links from elsewhere are added. */
async function replaceLocations(trx: Transaction<DB>, teams: ImportedTeam[], bundle: Bundle) {
  const listing = teams.filter((t) => 'service_at_locations' in t.record).map((t) => t.id);
  const wanted = teams.flatMap((t) => [...(bundle.links.get(t.id) ?? [])].map((location_id) => ({ team_id: t.id, location_id })));
  const existing = wanted.length === 0 ? new Set<string>()
    : new Set((await trx.selectFrom('locations').select('id').where('id', 'in', wanted.map((w) => w.location_id)).execute()).map((r) => r.id));
  const rows = wanted.filter((w) => existing.has(w.location_id));
  await syncChildren(trx, { table: 'team_locations', parent: 'team_id', child: 'location_id', replaceFor: listing, rows });
}

/** Service areas naming a CBS code become team_areas rows (a wijk or gemeente: all its buurten). */
async function replaceAreas(trx: Transaction<DB>, teams: ImportedTeam[], skip: (id: unknown, reason: string) => void) {
  const said = teams.filter((t) => Array.isArray(t.record.service_areas));
  const result = { linked: 0, skipped: 0 };
  if (!said.length) return result;
  const wanted = said.flatMap((t) => (t.record.service_areas as Obj[]).map((sa) => ({ team: t.id, sa, area: serviceAreaCode(sa) })));
  const buurten = await areaCodesFor(trx, wanted.map((w) => w.area?.code).filter(isString), true);
  const rows = new Map<string, { team_id: string; area_code: string; coverage: 'buurt' | 'wijk' | 'gemeente' | 'regio' }>();
  for (const w of wanted) {
    const under = w.area ? buurten.get(w.area.code) : undefined;
    if (!w.area || !under?.length) {
      result.skipped++;
      skip(w.sa.id, w.area ? `CBS area ${w.area.code} is not known here` : `no CBS code in "${w.sa.uri ?? w.sa.name ?? ''}"`);
      continue;
    }
    const coverage = (w.area.coverage ?? ({ BU: 'buurt', WK: 'wijk', GM: 'gemeente' } as const)[w.area.code.slice(0, 2) as 'BU']) as 'buurt';
    for (const code of under) rows.set(`${w.team}:${code}`, { team_id: w.team, area_code: code, coverage });
  }
  const list = [...rows.values()];
  await syncChildren(trx, { table: 'team_areas', parent: 'team_id', child: 'area_code', replaceFor: said.map((t) => t.id), rows: list });
  // A changed coverage of a buurt that stays is an update, not a new row.
  for (const r of list) {
    await trx.updateTable('team_areas').set({ coverage: r.coverage }).where('team_id', '=', r.team_id).where('area_code', '=', r.area_code)
      .where('coverage', '!=', r.coverage).execute();
  }
  result.linked = list.length;
  return result;
}
