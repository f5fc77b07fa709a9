// The seeds: reference taxonomy and the demo wijk load on the backend under test, seeding
// twice changes nothing, the geometry tiles, and the demo data keeps the rules the app
// and its tests rely on (contacts, locations, privacy of 06 numbers, POH-GGZ, ...).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { buildTestApp } from '../helpers/app';
import { AMBULATORY_TEAM_KEYS } from '../../seeds/demo/teams';
import { teamId } from '../../seeds/demo/build';
import { portraitSvg } from '../../server/demo-photos/demo-photos.portraits';
import { isCurrentOn } from '../../server/domain/membership';
import { stableId } from '../../seeds/ids';
import { isDirectoryEmpty, seedDemo, seedReference } from '../../seeds/index';
import { TEAM_TYPES, TOPICS, TOPIC_SYNONYMS } from '../../seeds/taxonomy';
import { TEAM_TYPE_KEYS } from '../../server/domain/team-types';
import { createTestDatabase } from '../helpers/db';

type Polygon = { type: 'Polygon'; coordinates: [number, number][][] };

const TABLES = ['team_types', 'topics', 'topic_synonyms', 'areas', 'organisations', 'teams', 'team_topics',
  'locations', 'team_locations', 'team_areas', 'people', 'person_topics', 'memberships', 'person_consents'] as const;
const EDITABLE = new Set(['team_types', 'topics', 'areas', 'organisations', 'teams', 'locations', 'people', 'memberships']);

let database: Database;
let emptyBefore: boolean;
let seedMs: number;
const progress: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  emptyBefore = await isDirectoryEmpty(database.db);
  const started = performance.now();
  await seedReference(database.db, { onProgress: (m) => progress.push(m) });
  await seedDemo(database.db, { onProgress: (m) => progress.push(m) });
  seedMs = performance.now() - started;
}, 120_000);
afterAll(async () => { await database?.close(); });

/** Row count, highest version and latest updated_at of every table. */
async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    const extra = EDITABLE.has(table) ? ', max(version) as version, max(updated_at)::text as updated_at' : '';
    const { rows } = await sql.raw(`select count(*)::int as n${extra} from ${table}`).execute(database.db);
    out[table] = rows[0];
  }
  return out;
}

const db = () => database.db;

describe('seeding', () => {
  it('loads reference and demo data, reporting progress', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDirectoryEmpty(db())).toBe(false);
    expect(progress).toContain(`teams ${32}/${32} (32 new)`);
    expect(progress.some((m) => /^areas 9\/9/.test(m))).toBe(true);
    console.info(`[seeds] reference + demo seeded in ${Math.round(seedMs)} ms on ${database.backend}`);
  });

  it('changes nothing when run twice', async () => {
    const before = await snapshot();
    const again: string[] = [];
    await seedReference(db(), { onProgress: (m) => again.push(m) });
    await seedDemo(db(), { onProgress: (m) => again.push(m) });
    expect(await snapshot()).toEqual(before);
    expect(again.every((m) => !m.includes(' new)') || m.endsWith('(0 new)'))).toBe(true);
  });

  it('derives stable ids', () => {
    expect(stableId('team', 'x')).toBe(stableId('team', 'x'));
    expect(stableId('team', 'x')).not.toBe(stableId('person', 'x'));
    expect(stableId('team', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('reference data', () => {
  it('holds every team type and topic of the taxonomy', async () => {
    const types = await db().selectFrom('team_types').selectAll().execute();
    expect(types).toHaveLength(TEAM_TYPES.length);
    expect(types.length).toBe(32);
    expect(new Set(types.map((t) => t.category))).toEqual(new Set(['first_contact', 'care', 'welfare', 'informal', 'other']));
    const byKey = new Map(types.map((t) => [t.key, t.category]));
    expect(byKey.get('social_district_team')).toBe('first_contact');
    expect(byKey.get('fact_team')).toBe('care');
    expect(byKey.get('debt_counselling')).toBe('welfare');
    expect(byKey.get('volunteer_centre')).toBe('informal');
    const topics = await db().selectFrom('topics').select(['key', 'label_nl', 'label_en']).execute();
    expect(topics).toHaveLength(TOPICS.length);
    expect(topics.length).toBe(33);
  });

  it('seeds exactly the team types the server knows, in their order', () => {
    expect(TEAM_TYPES.map((t) => t.key)).toEqual([...TEAM_TYPE_KEYS]);
  });

  it('maps lay words to topics', async () => {
    const pairs = TOPIC_SYNONYMS.map((s) => `${s.topic_key}|${s.phrase}`);
    expect(new Set(pairs).size).toBe(pairs.length); // no pair silently dropped by the primary key
    const rows = await db().selectFrom('topic_synonyms').selectAll().execute();
    expect(rows).toHaveLength(TOPIC_SYNONYMS.length);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.some((r) => r.lang === 'en')).toBe(true);
    const topicOf = (phrase: string) => rows.filter((r) => r.phrase === phrase).map((r) => r.topic_key);
    expect(topicOf('geldzorgen')).toEqual(['debts']);
    expect(topicOf('mijn kind spijbelt')).toEqual(['school']);
    expect(topicOf('niet meer willen leven')).toEqual(['crisis']);
    expect(new Set(rows.map((r) => r.topic_key)).size).toBe(TOPICS.length); // every topic findable
  });
});

describe('demo areas', () => {
  it('is one gemeente with one wijk of seven buurten', async () => {
    const areas = await db().selectFrom('areas').selectAll().execute();
    const buurten = areas.filter((a) => a.kind === 'buurt');
    expect(areas.filter((a) => a.kind === 'gemeente').map((a) => a.code)).toEqual(['GM9901']);
    expect(areas.filter((a) => a.kind === 'wijk').map((a) => [a.code, a.parent_code])).toEqual([['WK990101', 'GM9901']]);
    expect(buurten.map((b) => b.code).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `BU9901010${i + 1}`));
    expect(buurten.every((b) => b.parent_code === 'WK990101')).toBe(true);
    const population = buurten.reduce((sum, b) => sum + (b.population ?? 0), 0);
    expect(population).toBeGreaterThan(23_000);
    expect(population).toBeLessThan(27_000);
    const postcodes = buurten.flatMap((b) => b.postcodes);
    expect(new Set(postcodes).size).toBe(postcodes.length);
    for (const area of areas) {
      const ring = (area.geometry as Polygon).coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let twiceArea = 0; // shoelace: positive for counter-clockwise (RFC 7946 outer ring)
      for (let k = 0; k + 1 < ring.length; k++) twiceArea += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
      expect(twiceArea).toBeGreaterThan(0);
      expect(area.min_lon).toBe(Math.min(...ring.map((p) => p[0])));
      expect(area.max_lat).toBe(Math.max(...ring.map((p) => p[1])));
    }
  });

  it('tiles the wijk with buurten that do not overlap', async () => {
    const areas = await db().selectFrom('areas').selectAll().execute();
    const wijk = areas.find((a) => a.kind === 'wijk')!;
    const buurten = areas.filter((a) => a.kind === 'buurt').map((b) => b.geometry as Polygon);
    const steps = 60;
    let inside = 0;
    for (let x = 0; x < steps; x++) {
      for (let y = 0; y < steps; y++) {
        // Offsets that are not round fractions, so no sample lands exactly on a shared edge.
        const point = [wijk.min_lon! + ((x + 0.4173) / steps) * (wijk.max_lon! - wijk.min_lon!),
          wijk.min_lat! + ((y + 0.5291) / steps) * (wijk.max_lat! - wijk.min_lat!)];
        const hits = buurten.filter((b) => booleanPointInPolygon(point, b)).length;
        const inWijk = booleanPointInPolygon(point, wijk.geometry as Polygon);
        expect(hits).toBe(inWijk ? 1 : 0);
        if (inWijk) inside++;
      }
    }
    expect(inside).toBeGreaterThan(steps * steps * 0.7);
  });

  it('puts every location strictly inside the polygon of its buurt', async () => {
    const buurten = new Map((await db().selectFrom('areas').where('kind', '=', 'buurt').selectAll().execute())
      .map((b) => [b.code, b]));
    const locations = await db().selectFrom('locations').selectAll().execute();
    expect(locations.length).toBeGreaterThanOrEqual(15);
    for (const l of locations) {
      const buurt = buurten.get(l.buurt_code ?? '');
      expect(buurt, l.name ?? l.street).toBeDefined();
      expect(booleanPointInPolygon([l.lon, l.lat], buurt!.geometry as Polygon, { ignoreBoundary: true }), l.name ?? '').toBe(true);
      expect(buurt!.postcodes).toContain(l.postcode.slice(0, 4));
      expect(l.city).toBe('Lindeburg');
    }
  });
});

describe('demo teams', () => {
  it('gives every team a type, organisation, topics, service area and (unless ambulatory) a location', async () => {
    const teams = await db().selectFrom('teams')
      .innerJoin('team_types', 'team_types.key', 'teams.team_type')
      .innerJoin('organisations', 'organisations.id', 'teams.organisation_id')
      .select(['teams.id', 'teams.name', 'teams.team_type', 'teams.public_phone', 'teams.description'])
      .execute();
    expect(teams.length).toBe(await db().selectFrom('teams').select('id').execute().then((r) => r.length));
    expect(teams.length).toBeGreaterThanOrEqual(25);
    const countBy = async (table: 'team_topics' | 'team_areas' | 'team_locations') => {
      const rows = await db().selectFrom(table).select('team_id').execute();
      return (id: string) => rows.filter((r) => r.team_id === id).length;
    };
    const [topics, areas, locations] = await Promise.all([countBy('team_topics'), countBy('team_areas'), countBy('team_locations')]);
    const ambulatory = new Set(AMBULATORY_TEAM_KEYS.map(teamId));
    for (const team of teams) {
      expect(topics(team.id), team.name).toBeGreaterThanOrEqual(1);
      expect(areas(team.id), team.name).toBeGreaterThanOrEqual(1);
      if (!ambulatory.has(team.id)) expect(locations(team.id), team.name).toBeGreaterThanOrEqual(1);
      expect(team.public_phone, team.name).not.toMatch(/^06/);
      expect(team.description.length, team.name).toBeGreaterThan(60);
    }
  });

  it('has the team types a wijk needs, with realistic service areas', async () => {
    const teams = await db().selectFrom('teams').select(['id', 'team_type']).execute();
    const ofType = (type: string) => teams.filter((t) => t.team_type === type);
    for (const type of ['social_district_team', 'youth_family_team', 'ambulatory_youth_care', 'fact_team', 'mental_health_adults',
      'gp_practice', 'district_nursing', 'wmo_desk', 'debt_counselling', 'community_development', 'youth_work', 'elderly_welfare',
      'informal_care_support', 'school', 'physiotherapy', 'housing_association', 'police', 'residents_association',
      'community_centre', 'volunteer_centre']) {
      expect(ofType(type).length, type).toBeGreaterThanOrEqual(1);
    }
    expect(ofType('gp_practice').length).toBeGreaterThanOrEqual(4);
    expect(ofType('school').length).toBeGreaterThanOrEqual(2);
    const teamAreas = await db().selectFrom('team_areas').selectAll().execute();
    const areasOf = (id: string) => teamAreas.filter((a) => a.team_id === id);
    const districtTeams = ofType('social_district_team');
    expect(districtTeams.length).toBeGreaterThanOrEqual(2);
    // Together the wijkteams serve every buurt exactly once, each 2 or 3 buurten.
    const served = districtTeams.flatMap((t) => areasOf(t.id).map((a) => a.area_code));
    expect(served.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `BU9901010${i + 1}`));
    for (const t of districtTeams) expect(areasOf(t.id).length).toBeGreaterThanOrEqual(2);
    for (const t of ofType('fact_team')) {
      expect(areasOf(t.id).map((a) => a.coverage)).toEqual(Array(7).fill('regio'));
    }
    for (const t of ofType('gp_practice')) {
      expect(new Set(areasOf(t.id).map((a) => a.coverage))).toEqual(new Set(['buurt']));
      expect(areasOf(t.id).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('demo people', () => {
  it('is about a hundred people, half of them public, each in a team', async () => {
    const people = await db().selectFrom('people').selectAll().execute();
    const memberships = await db().selectFrom('memberships').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(90);
    expect(people.length).toBeLessThanOrEqual(110);
    const publicShare = people.filter((p) => p.public_profile).length / people.length;
    expect(publicShare).toBeGreaterThan(0.4);
    expect(publicShare).toBeLessThan(0.6);
    const photoShare = people.filter((p) => p.photo_consent).length / people.length;
    expect(photoShare).toBeGreaterThan(0.5);
    expect(photoShare).toBeLessThan(0.7);
    for (const p of people) {
      const name = `${p.given_name} ${p.family_name}`;
      expect(memberships.some((m) => m.person_id === p.id), name).toBe(true);
      expect(p.phone_mobile_visibility, name).not.toBe('public');
      expect(p.email_work_visibility, name).not.toBe('public');
      expect(p.phone_mobile, name).toMatch(/^06-\d{8}$/);
      expect(p.email_work, name).toMatch(/^[a-z-]+\.[a-z]+@[a-z.-]+\.example$/);
      expect(p.photo_url, name).toEqual(p.photo_consent ? expect.stringMatching(/^\/demo-photos\/[a-z0-9-]{1,64}\.svg$/) : null);
      expect(p.working_days.length, name).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(people.map((p) => p.phone_mobile)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.email_work)).size).toBe(people.length);
  });

  it('publishes photos and expertise to residents only by consent, for part of the public people', async () => {
    const people = await db().selectFrom('people').selectAll().execute();
    const consents = await db().selectFrom('person_consents').selectAll().execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const c of consents) {
      const p = byId.get(c.person_id)!;
      expect(p.public_profile, `${p.given_name} ${c.field}`).toBe(true);
      expect(c.withdrawn_at).toBeNull();
      expect(new Date(c.granted_at).getTime()).toBeLessThanOrEqual(Date.now());
      if (c.field === 'photo') expect(p.photo_consent).toBe(true);
      if (c.field === 'phone_work') expect(p.phone_work).not.toBeNull();
    }
    const withConsent = (field: string) => new Set(consents.filter((c) => c.field === field).map((c) => c.person_id));
    const publicWithPhoto = people.filter((p) => p.public_profile && p.photo_consent);
    const publicPhotos = publicWithPhoto.filter((p) => withConsent('photo').has(p.id)).length;
    // Residents meet faces, yet some public people keep their photo for professionals.
    expect(publicPhotos / publicWithPhoto.length).toBeGreaterThan(0.5);
    expect(publicPhotos).toBeLessThan(publicWithPhoto.length);
    const publicPeople = people.filter((p) => p.public_profile);
    const publicAsk = publicPeople.filter((p) => withConsent('ask_me_about').has(p.id)).length;
    expect(publicAsk / publicPeople.length).toBeGreaterThan(0.3);
    expect(publicAsk).toBeLessThan(publicPeople.length);
    expect(withConsent('phone_work').size).toBeGreaterThanOrEqual(1);
    expect(withConsent('email_work').size).toBe(0);
  });

  it('gives every team one current contact person and every practice a POH-GGZ', async () => {
    const rows = await db().selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .innerJoin('teams', 'teams.id', 'memberships.team_id')
      .select(['teams.id as team_id', 'teams.team_type', 'memberships.is_contact_person', 'memberships.since', 'memberships.until', 'people.job_title', 'people.public_profile'])
      .execute();
    const teams = await db().selectFrom('teams').select(['id', 'name', 'team_type']).execute();
    const today = new Date().toISOString().slice(0, 10);
    const current = rows.filter((r) => isCurrentOn(r, today));
    for (const team of teams) {
      const members = current.filter((r) => r.team_id === team.id);
      expect(members.filter((m) => m.is_contact_person).length, team.name).toBe(1);
      if (team.team_type === 'gp_practice') expect(members.some((m) => m.job_title.includes('POH-GGZ')), team.name).toBe(true);
    }
    // Residents should meet a face at most teams they contact.
    const withFace = teams.filter((t) => current.some((r) => r.team_id === t.id && r.public_profile));
    expect(withFace.length / teams.length).toBeGreaterThan(0.75);
  });
});

describe('demo photos', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await buildTestApp(database); });
  afterAll(async () => { await app?.close(); });

  it('serves a deterministic SVG portrait for a valid name', async () => {
    const res = await app.inject('/demo-photos/fatima-el-amrani.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/s);
    expect(res.body).toBe(portraitSvg('fatima-el-amrani'));
    expect(portraitSvg('a')).not.toBe(portraitSvg('b'));
  });

  it('answers 400 JSON naming the field for a bad name', async () => {
    for (const url of ['/demo-photos/Bad_Name.svg', `/demo-photos/${'a'.repeat(65)}.svg`, '/demo-photos/%3Cscript%3E.svg']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ error: 'bad_request', details: [{ field: 'name' }] });
    }
  });
});
