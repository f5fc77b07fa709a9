// teams.csv: a team with its organisation, type, topics, service area (buurtcodes) and
// locations, each pointing at other rows by their extern_id.
import { sql } from 'kysely';
import { phonesFor } from '../people/people.visibility';
import { may, ownersOf } from '../domain/permissions';
import { type Kind, exportKey, byCells, type RowError } from './csv.kind';
import { AREA_CODE, EMAIL, EXTERNAL_ID, KEY, list, oneOf, optional, PHONE, text, URL_OR_PATH } from './csv.values';
import { matchKeys } from './csv.keys';
import { syncChildren } from '../db/sync-children';
import { type SqlType, upsertRows } from '../db/upsert';
import { existingBuurten, existingKeys, keysById } from './csv.refs';
import { teamVisibleTo } from '../domain/team-visibility';
import { teamServiceData } from '../services/services.queries';
import { writeTeamService } from '../services/services.write';
import type { TeamServiceInput } from '../services/services.write-schemas';
import { hasInput, TEAM_SERVICE_COLUMNS, TEAM_SERVICE_HEADERS, teamServiceCells, teamServiceInput } from './services.columns';

const ACCESS = ['walk_in', 'self_referral', 'gp_referral', 'district_team_referral', 'municipal_decision'] as const;
const FIELDS: Array<{ header: string; column: string; sql: SqlType }> = [
  { header: 'naam', column: 'name', sql: 'text' },
  { header: 'teamtype', column: 'team_type', sql: 'text' },
  { header: 'omschrijving', column: 'description', sql: 'text' },
  { header: 'doelgroepen', column: 'target_groups', sql: 'text[]' },
  { header: 'toegang', column: 'access', sql: 'text' },
  { header: 'financiering', column: 'funding', sql: 'text' },
  { header: 'telefoon', column: 'public_phone', sql: 'text' },
  { header: 'email', column: 'public_email', sql: 'text' },
  { header: 'website', column: 'website', sql: 'text' },
  { header: 'inloopuren', column: 'walk_in_hours', sql: 'text' },
];
const HEADERS = ['extern_id', 'organisatie', ...FIELDS.map((f) => f.header), 'onderwerpen', 'gebieden', 'locaties', ...TEAM_SERVICE_HEADERS];

interface Plan {
  inserts: Array<Record<string, unknown>>; updates: Array<Record<string, unknown>>;
  links: Array<{ row: number; key: string; id?: string; topics?: string[]; areas?: string[]; locations?: string[]; service: TeamServiceInput }>;
}

export const teamsKind: Kind = {
  name: 'teams',
  columns: [
    { header: 'extern_id', codec: EXTERNAL_ID, required: true, doc: 'Sleutel van het team' },
    { header: 'organisatie', codec: EXTERNAL_ID, required: true, doc: 'extern_id van de organisatie' },
    { header: 'naam', codec: text(200, true), required: true, doc: 'Naam van het team' },
    { header: 'teamtype', codec: KEY, required: true, doc: 'Teamtype-sleutel (zie /api/team-types)' },
    { header: 'omschrijving', codec: text(4000), doc: 'Omschrijving' },
    { header: 'doelgroepen', codec: list(text(100)), doc: 'Doelgroepen, gescheiden door |' },
    { header: 'toegang', codec: oneOf(ACCESS), doc: `Toegang: ${ACCESS.join(', ')}` },
    { header: 'financiering', codec: optional(text(100)), doc: 'Financieringskader (Wmo, Jeugdwet, Zvw, …)' },
    { header: 'telefoon', codec: optional(PHONE), doc: 'Openbaar telefoonnummer' },
    { header: 'email', codec: optional(EMAIL), doc: 'Openbaar e-mailadres' },
    { header: 'website', codec: optional(URL_OR_PATH), doc: 'Website' },
    { header: 'inloopuren', codec: optional(text(1000)), doc: 'Inloopspreekuur, vrije tekst' },
    { header: 'onderwerpen', codec: list(KEY), doc: 'Hulponderwerpen (sleutels, zie /api/topics), gescheiden door |' },
    { header: 'gebieden', codec: list(AREA_CODE, 5000), doc: 'Werkgebied: CBS-buurtcodes, gescheiden door |' },
    { header: 'locaties', codec: list(EXTERNAL_ID), doc: 'extern_id van de locaties, gescheiden door |' },
    ...TEAM_SERVICE_COLUMNS,
  ],
  exportHeaders: () => HEADERS,
  async exportRows(db, audience) {
    const [orgKeys, locKeys] = await Promise.all([keysById(db, 'organisations'), keysById(db, 'locations')]);
    const rows = await db.selectFrom('teams as t').where(teamVisibleTo(audience))
      .select(['t.id', 't.external_id', 't.organisation_id', 't.name', 't.team_type', 't.description', 't.target_groups', 't.access',
        't.funding', 't.public_phone', 't.public_email', 't.website', 't.walk_in_hours',
        sql<string[]>`coalesce((select array_agg(x.topic_key order by x.topic_key) from team_topics x where x.team_id = t.id), '{}')`.as('topics'),
        sql<string[]>`coalesce((select array_agg(x.area_code order by x.area_code) from team_areas x where x.team_id = t.id), '{}')`.as('areas'),
        sql<string[]>`coalesce((select array_agg(x.location_id) from team_locations x join locations l on l.id = x.location_id where x.team_id = t.id and l.archived_at is null), '{}')`.as('locations'),
      ]).execute();
    const cols = teamsKind.columns;
    const cell = (h: string, v: unknown) => cols.find((c) => c.header === h)!.codec.write(v);
    const service = new Map<string, string[]>();
    for (const r of rows) {
      const data = await teamServiceData(db, r.id);
      service.set(r.id, teamServiceCells({ ...data, phones: phonesFor(audience, data.phones) }));
    }
    return rows.map((r) => [
      exportKey(r), orgKeys.get(r.organisation_id)!, r.name, r.team_type, r.description, cell('doelgroepen', r.target_groups), r.access,
      r.funding ?? '', r.public_phone ?? '', r.public_email ?? '', r.website ?? '', r.walk_in_hours ?? '',
      cell('onderwerpen', r.topics), cell('gebieden', r.areas), cell('locaties', r.locations.map((id) => locKeys.get(id)!).sort()),
      ...service.get(r.id)!,
    ]).sort((a, b) => byCells([a[2]!, a[0]!], [b[2]!, b[0]!]));
  },
  async check(db, audience, rows, headers) {
    const errors: RowError[] = [];
    const [existing, orgs, locs] = await Promise.all([
      matchKeys(db, 'teams', rows.map((r) => r.key)),
      matchKeys(db, 'organisations', rows.map((r) => r.values.organisatie).filter(Boolean)),
      matchKeys(db, 'locations', rows.flatMap((r) => r.values.locaties ?? [])),
    ]);
    const [types, topics, buurten] = await Promise.all([
      existingKeys(db, 'team_types', rows.map((r) => r.values.teamtype).filter(Boolean)),
      existingKeys(db, 'topics', rows.flatMap((r) => r.values.onderwerpen ?? [])),
      existingBuurten(db, rows.flatMap((r) => r.values.gebieden ?? [])),
    ]);
    const [teamOwners, orgOwners] = await Promise.all([ownersOf(db, 'team', [...existing.values()]), ownersOf(db, 'organisation', [...orgs.values()])]);
    const plan: Plan = { inserts: [], updates: [], links: [] };
    for (const r of rows) {
      const id = existing.get(r.key);
      const orgId = orgs.get(r.values.organisatie);
      const err = (column: string, message: string) => errors.push({ row: r.row, column, message });
      if (!orgId) err('organisatie', `organisatie ${r.values.organisatie} bestaat niet`);
      // a team of this organisation: its editors (moving one needs rights on both sides); linking any location is fine
      else if (!may(audience, 'create_team', orgOwners.get(orgId)!) || (id && !may(audience, 'edit', teamOwners.get(id)!))) err('organisatie', 'u mag teams van deze organisatie niet wijzigen');
      if (!types.has(r.values.teamtype)) err('teamtype', `teamtype ${r.values.teamtype} bestaat niet`);
      for (const k of r.values.onderwerpen ?? []) if (!topics.has(k)) err('onderwerpen', `onderwerp ${k} bestaat niet`);
      for (const c of r.values.gebieden ?? []) if (!buurten.has(c)) err('gebieden', `buurt ${c} bestaat niet`);
      for (const l of r.values.locaties ?? []) if (!locs.has(l)) err('locaties', `locatie ${l} bestaat niet (importeer eerst locaties.csv)`);
      const values: Record<string, unknown> = { organisation_id: orgId };
      for (const f of FIELDS) if (headers.has(f.header)) values[f.column] = r.values[f.header];
      if (id) plan.updates.push({ id, ...values }); else plan.inserts.push({ external_id: r.key, ...values });
      plan.links.push({ row: r.row, key: r.key, id, topics: r.values.onderwerpen, areas: r.values.gebieden, locations: r.values.locaties?.map((l: string) => locs.get(l)!),
        service: teamServiceInput(r.values, headers) });
      const min = r.values.leeftijd_van; const max = r.values.leeftijd_tot;
      if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) err('leeftijd_tot', 'leeftijd_tot ligt onder leeftijd_van');
    }
    return { errors, plan };
  },
  async write(trx, raw, headers, progress) {
    const plan = raw as Plan;
    const cols = [{ name: 'organisation_id', type: 'uuid' as const }, ...FIELDS.filter((f) => headers.has(f.header)).map((f) => ({ name: f.column, type: f.sql }))];
    const { inserted: created, updated: changed } = await upsertRows(trx, 'teams', cols, [...plan.inserts, ...plan.updates]);
    progress(`teams: ${created.size} nieuw, ${changed.size} gewijzigd`);
    const withId = plan.links.map((l) => ({ ...l, id: l.id ?? created.get(l.key)! }));
    const owners = withId.map((l) => l.id);
    const sync = async (table: 'team_topics' | 'team_areas' | 'team_locations', child: string, pick: (l: (typeof withId)[number]) => string[] | undefined) => {
      const rows = withId.flatMap((l) => (pick(l) ?? []).map((k) => ({ team_id: l.id, [child]: k })));
      for (const id of (await syncChildren(trx, { table, parent: 'team_id', child, replaceFor: owners, rows })).changedParents) changed.add(id);
    };
    if (headers.has('onderwerpen')) await sync('team_topics', 'topic_key', (l) => l.topics);
    if (headers.has('gebieden')) await sync('team_areas', 'area_code', (l) => l.areas);
    if (headers.has('locaties')) await sync('team_locations', 'location_id', (l) => l.locations);
    for (const l of withId) if (hasInput(l.service) && await writeTeamService(trx, l.id, l.service)) changed.add(l.id);
    for (const id of created.values()) changed.delete(id);
    // audit: one entry per created/changed team (ids in `created` and `changed`)
    return { created: created.size, updated: changed.size };
  },
};
