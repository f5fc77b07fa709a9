// A national-scale data set for benchmarks: ~13,000 buurten in ~360 gemeenten, 50,000
// teams with locations and service areas, 200,000 people with memberships. Seeded and
// deterministic (same options, same rows). Needs the reference taxonomy loaded first
// (seedReference). Rows stream out in batches of 5,000 through INSERT … SELECT unnest().
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/types';
import { TYPE_FOCUS } from '../../server/search/search.vocabulary';
import { TEAM_TYPES, TOPICS } from '../taxonomy';
import { fillBoundaryBands } from '../../server/areas/areas.bands';
import { type Gemeente, buildAreas, pointIn, rectPolygon } from './areas';
import { BulkInserter, type ColumnSpec } from './insert';
import { familyName, givenName, nounName, placeName, quarterName, streetName } from './names';
import { KIND, prng, type Prng, syntheticId } from './random';

export interface NationalOptions {
  buurten?: number; teams?: number; people?: number; seed?: number;
  onProgress?: (progress: NationalProgress) => void;
}
export interface NationalProgress { phase: string; rows: number; percent: number; rowsPerSecond: number; elapsedMs: number }
export interface NationalSummary { areas: number; organisations: number; teams: number; people: number; rows: number; elapsedMs: number }

// How often each team type occurs (roughly the Dutch mix: many GP practices and schools).
const TYPE_WEIGHTS: [string, number][] = TEAM_TYPES.map((t) => [t.key, ({
  gp_practice: 18, school: 16, physiotherapy: 8, district_nursing: 8, social_district_team: 5, community_centre: 4,
  residents_association: 4, youth_family_team: 3, youth_health_care: 2, community_development: 2, youth_work: 2,
  elderly_welfare: 2, wmo_desk: 1.5,
} as Record<string, number>)[t.key] ?? 1]);
// Who serves how much: practices and schools their buurt, wijkteams their wijk, specialists the gemeente.
const COVERAGE: Record<string, 'buurt' | 'wijk' | 'gemeente'> = {
  gp_practice: 'buurt', school: 'buurt', physiotherapy: 'buurt', residents_association: 'buurt', community_centre: 'buurt',
  social_district_team: 'wijk', youth_family_team: 'wijk', district_nursing: 'wijk', community_development: 'wijk', youth_work: 'wijk',
};
const ORG_KINDS = ['Gemeente', 'Stichting Welzijn', 'Zorggroep', 'GGZ', 'Stichting Wijkteams', 'Huisartsen', 'Woonstichting', 'Stichting Onderwijs', 'Jeugdhulp'];
const shortLabel = (type: string) => TEAM_TYPES.find((t) => t.key === type)!.label_nl.split(/[/(]/)[0]!.trim();
const topicLabel = new Map<string, string>(TOPICS.map((t) => [t.key, t.label_nl.toLowerCase()]));

function teamName(r: Prng, type: string, place: string): string {
  if (type === 'gp_practice') return r.next() < 0.5 ? `Huisartsenpraktijk ${familyName(r)}` : `Huisartsen ${quarterName(r, place)}`;
  if (type === 'school') return `${r.pick(['OBS', 'CBS', 'Basisschool', 'College'])} ${nounName(r)}`;
  return `${shortLabel(type)} ${r.next() < 0.5 ? place : quarterName(r, place)}`;
}

const spec = (...columns: (string | [string, ColumnSpec['type'], string?])[]): ColumnSpec[] =>
  columns.map((c) => (typeof c === 'string' ? { name: c, type: 'text' } : { name: c[0], type: c[1], ...(c[2] ? { cast: c[2] } : {}) }));

export async function generateNational(db: Kysely<DB>, options: NationalOptions = {}): Promise<NationalSummary> {
  const { buurten = 13_000, teams = 50_000, people = 200_000, seed = 1, onProgress } = options;
  const r = prng(seed);
  const started = Date.now();
  const { rows: areaRows, gemeenten } = buildAreas(r, buurten);
  const organisations = Math.max(1, Math.round(teams / 5));
  // Expected rows, for the percentage: areas, orgs, teams × (team, location, link, ~3.4 topics, ~11 areas), people × 3.
  const expected = areaRows.length + organisations + teams * 17.5 + people * 3;
  let done = 0, phase = 'areas';
  const flushed = (rows: number) => {
    done += rows;
    const elapsedMs = Date.now() - started;
    onProgress?.({ phase, rows: done, percent: Math.min(100, (100 * done) / expected), rowsPerSecond: Math.round(done / Math.max(elapsedMs / 1000, 0.001)), elapsedMs });
  };
  const inserter = (table: keyof DB & string, columns: ColumnSpec[], batchSize?: number) => new BulkInserter(db, table, columns, flushed, batchSize);

  // Parents before children: buildAreas lists gemeenten, then wijken, then buurten; flush at each change of kind.
  const areas = inserter('areas', spec('code', 'kind', 'name', 'parent_code', ['geometry', 'text', 'jsonb'],
    ['min_lon', 'float8'], ['min_lat', 'float8'], ['max_lon', 'float8'], ['max_lat', 'float8'], ['postcodes', 'text', 'text[]'], ['population', 'int4']));
  let kind = 'gemeente';
  for (const a of areaRows) {
    if (a.kind !== kind) { await areas.flush(); kind = a.kind; }
    await areas.add([a.code, a.kind, a.name, a.parent, rectPolygon(a.rect), a.rect.minLon, a.rect.minLat, a.rect.maxLon, a.rect.maxLat,
      a.pc4 ? `{${a.pc4}}` : '{}', a.population || null]);
  }
  await areas.flush();
  phase = 'bands';
  await fillBoundaryBands(db); // the map's simplified boundaries, as an import makes them

  phase = 'organisations';
  const orgs = inserter('organisations', spec(['id', 'uuid'], 'name', 'description', 'website'));
  for (let o = 0; o < organisations; o++) {
    const g = gemeenten[o % gemeenten.length]!;
    const name = `${ORG_KINDS[o % ORG_KINDS.length]} ${g.name}${o >= gemeenten.length * ORG_KINDS.length ? ` ${o}` : ''}`;
    await orgs.add([syntheticId(KIND.organisation, o), name, `${name}: zorg en welzijn in ${g.name} en omgeving.`, `https://org${o}.example`]);
  }
  await orgs.flush();

  phase = 'teams';
  const teamTypes = await generateTeams(r, gemeenten, teams, organisations, inserter);

  phase = 'people';
  await generatePeople(r, teamTypes, people, inserter);
  const summary = { areas: areaRows.length, organisations, teams, people, rows: done, elapsedMs: Date.now() - started };
  phase = 'done';
  return summary;
}

type Inserter = (table: keyof DB & string, columns: ColumnSpec[], batchSize?: number) => BulkInserter;
// Rows that reference each other are flushed together, parents first, every BATCH parents:
// a child batch must never reach the database before the rows it refers to.
const BATCH = 2_000;
const MANUAL = Number.POSITIVE_INFINITY;

/** Teams with their topics, one location each and their service area; returns each team's type. */
async function generateTeams(r: Prng, gemeenten: Gemeente[], count: number, organisations: number, inserter: Inserter): Promise<string[]> {
  const teams = inserter('teams', spec(['id', 'uuid'], ['organisation_id', 'uuid'], 'name', 'team_type', 'description', 'access', 'public_phone'), MANUAL);
  const topics = inserter('team_topics', spec(['team_id', 'uuid'], 'topic_key'), MANUAL);
  const locations = inserter('locations', spec(['id', 'uuid'], 'street', 'house_number', 'postcode', 'city', ['lat', 'float8'], ['lon', 'float8'], 'buurt_code'), MANUAL);
  const links = inserter('team_locations', spec(['team_id', 'uuid'], ['location_id', 'uuid']), MANUAL);
  const areas = inserter('team_areas', spec(['team_id', 'uuid'], 'area_code', 'coverage'), MANUAL);
  const types: string[] = [];
  const orgsPerGemeente = Math.max(1, Math.floor(organisations / gemeenten.length));
  for (let i = 0; i < count; i++) {
    const gi = i % gemeenten.length;
    const g = gemeenten[gi]!;
    const wijk = r.pick(g.wijken);
    const buurt = r.pick(wijk.buurten);
    const type = r.weighted(TYPE_WEIGHTS);
    types.push(type);
    const id = syntheticId(KIND.team, i);
    const topicKeys = new Set<string>(TYPE_FOCUS[type] ?? []);
    for (let k = 1 + r.int(3); k > 0; k--) topicKeys.add(r.pick(TOPICS).key);
    const about = [...topicKeys].map((t) => topicLabel.get(t)).join(', ');
    const org = Math.min(organisations - 1, gi + gemeenten.length * r.int(orgsPerGemeente));
    await teams.add([id, syntheticId(KIND.organisation, org), teamName(r, type, g.name), type,
      `${shortLabel(type)} in ${g.name}. Wij helpen bij: ${about}.`, r.pick(['walk_in', 'self_referral', 'gp_referral']), `0${10 + r.int(89)}-${1000000 + r.int(8999999)}`]);
    for (const topic of topicKeys) await topics.add([id, topic]);
    const point = pointIn(r, buurt.rect);
    await locations.add([syntheticId(KIND.location, i), streetName(r), String(1 + r.int(200)), `${buurt.pc4}${String.fromCharCode(65 + r.int(26), 65 + r.int(26))}`,
      g.name, point.lat, point.lon, buurt.code]);
    await links.add([id, syntheticId(KIND.location, i)]);
    const coverage = COVERAGE[type] ?? 'gemeente';
    const served = coverage === 'buurt' ? [buurt] : coverage === 'wijk' ? wijk.buurten : g.wijken.flatMap((w) => w.buurten);
    for (const b of served) await areas.add([id, b.code, coverage]);
    if ((i + 1) % BATCH === 0 || i === count - 1) for (const b of [teams, locations, topics, links, areas]) await b.flush();
  }
  return types;
}

async function generatePeople(r: Prng, teamTypes: string[], count: number, inserter: Inserter): Promise<void> {
  const people = inserter('people', spec(['id', 'uuid'], 'given_name', 'family_name', 'job_title', 'ask_me_about', ['public_profile', 'bool'], 'phone_mobile', 'email_work'), MANUAL);
  const members = inserter('memberships', spec(['id', 'uuid'], ['person_id', 'uuid'], ['team_id', 'uuid'], 'role', ['is_contact_person', 'bool']), MANUAL);
  const topics = inserter('person_topics', spec(['person_id', 'uuid'], 'topic_key'), MANUAL);
  for (let i = 0; i < count; i++) {
    const team = i < teamTypes.length ? i : r.int(teamTypes.length); // every team gets at least one member
    const type = teamTypes[team]!;
    const topic = r.pick(TYPE_FOCUS[type] ?? TOPICS.map((t) => t.key));
    const id = syntheticId(KIND.person, i);
    const given = givenName(r), family = familyName(r);
    await people.add([id, given, family, `${r.pick(['medewerker', 'coördinator', 'consulent', 'adviseur'])} ${shortLabel(type).toLowerCase()}`,
      topicLabel.get(topic) ?? '', r.next() < 0.1, `06${String(10000000 + r.int(89999999))}`, `p${i}@team${team}.example`]);
    await members.add([syntheticId(KIND.membership, i), id, syntheticId(KIND.team, team), 'member', i < teamTypes.length]);
    await topics.add([id, topic]);
    if ((i + 1) % BATCH === 0 || i === count - 1) for (const b of [people, members, topics]) await b.flush();
  }
}
