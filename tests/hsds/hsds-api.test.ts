// /hsds: every response, paged and filtered, validates against the official HSDS 3.0
// compiled schemas (../shared/hsds-3.0, offline); filters combine as AND; no people.
import type { FastifyInstance } from 'fastify';
import { type Kysely, type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../server/db/types';
import { taxonomyId, TEAM_TYPE_TAXONOMY, termId, TOPIC_TAXONOMY } from '../../server/hsds/hsds.ids';
import { servicePage } from '../../server/hsds/hsds.queries';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { hsdsPresent, hsdsSkipReason, type Kind, pageProblems, recordProblems } from '../helpers/hsds-schemas';
import { checkEverythingAgain } from '../helpers/review-fixture';

let t: TestApp;
let app: FastifyInstance;
beforeAll(async () => { t = await createTestApp(); app = t.app; await checkEverythingAgain(t.database.db); });
afterAll(async () => { await t?.close(); });

const teamCount = async () => Number((await t.database.db.selectFrom('teams').where('archived_at', 'is', null)
  .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('HSDS API behaviour', () => {
  it('GET /hsds/ names version, profile and OpenAPI document; the profile is served', async () => {
    const { status, body } = await getJson(app, '/hsds/');
    expect(status).toBe(200);
    expect(body).toEqual({ version: '3.0', profile: expect.stringMatching(/^https?:\/\/.+\/hsds\/profile$/), openapi_url: expect.stringMatching(/\/docs\/json$/) });
    const profile = await app.inject({ method: 'GET', url: '/hsds/profile' });
    expect(profile.headers['content-type']).toMatch(/text\/markdown/);
    expect(profile.body).toMatch(/urn:nl:cbs:gebied:BU/);
    const docs = (await getJson(app, '/docs/json')).body;
    expect(Object.keys(docs.paths['/hsds/profile'].get.responses[200].content)).toEqual(['text/markdown']);
    for (const p of ['/hsds/services', '/hsds/services/{id}', '/hsds/organizations', '/hsds/organizations/{id}', '/hsds/service_at_locations',
      '/hsds/service_at_locations/{id}', '/hsds/taxonomies', '/hsds/taxonomies/{id}', '/hsds/taxonomy_terms', '/hsds/taxonomy_terms/{id}']) {
      expect(docs.paths[p], p).toBeDefined();
    }
  });

  it('pages services with the HSDS envelope; per_page is capped at 100', async () => {
    const total = await teamCount();
    const first = (await getJson(app, '/hsds/services?per_page=7')).body;
    expect(first).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 7), page_number: 1, size: 7, first_page: true, last_page: false, empty: false });
    const last = (await getJson(app, `/hsds/services?per_page=7&page=${first.total_pages}`)).body;
    expect(last).toMatchObject({ last_page: true, first_page: false, size: total - 7 * (first.total_pages - 1) });
    const seen = new Set<string>();
    for (let page = 1; page <= first.total_pages; page++) {
      for (const s of (await getJson(app, `/hsds/services?per_page=7&page=${page}`)).body.contents) seen.add(s.id);
    }
    expect(seen.size).toBe(total);
    const big = (await getJson(app, '/hsds/services?per_page=500')).body;
    expect(big.size).toBe(Math.min(total, 100));
    expect(big.total_pages).toBe(Math.ceil(total / 100));
    const beyond = (await getJson(app, '/hsds/services?page=99')).body;
    expect(beyond).toMatchObject({ size: 0, empty: true, contents: [] });
  });

  it('maps a team: ids, phone, walk-in hours, CBS service areas, terms, locations, verification', async () => {
    const team = await t.database.db.selectFrom('teams').selectAll().where('public_phone', 'is not', null)
      .where('walk_in_hours', 'is not', null).where('last_verified_at', 'is not', null).orderBy('name').executeTakeFirstOrThrow();
    const { status, body } = await getJson(app, `/hsds/services/${team.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: team.id, organization_id: team.organisation_id, name: team.name, status: 'active', assured_date: team.last_verified_at!.slice(0, 10) });
    expect(body.phones).toEqual([expect.objectContaining({ number: team.public_phone, type: 'voice' })]);
    expect(body.schedules.at(-1).description).toBe(team.walk_in_hours); // the free-text note after the weekly hours
    const areas = await t.database.db.selectFrom('team_areas').select('area_code').where('team_id', '=', team.id).orderBy('area_code').execute();
    expect(body.service_areas.map((a: { uri: string }) => a.uri.split(':').at(-1))).toEqual(areas.map((a) => a.area_code));
    expect(JSON.parse(body.service_areas[0].extent).type).toMatch(/Polygon/);
    expect(body.attributes.find((a: { link_type: string }) => a.link_type === 'team_type').taxonomy_term.code).toBe(team.team_type);
    const again = (await getJson(app, `/hsds/services/${team.id}`)).body;
    expect(again).toEqual(body); // stable ids for phones, schedules, areas, links
    expect((await getJson(app, '/hsds/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await getJson(app, '/hsds/services/nope')).status).toBe(400);
  });

  it('renders structured service data: phones, weekly hours and a closed period, languages, costs, documents, ages, accessibility', async () => {
    const db = t.database.db;
    const { team_id: teamId, location_id: locationId } = await db.selectFrom('team_locations').select(['team_id', 'location_id']).orderBy('team_id').executeTakeFirstOrThrow();
    await db.updateTable('teams').set({ minimum_age: 18, maximum_age: 67, fees_description: 'Gratis', eligibility_description: 'Voor inwoners met geldzorgen', interpretation_available: true }).where('id', '=', teamId).execute();
    const [phone] = await db.insertInto('phones').values([{ team_id: teamId, number: '0299-123456', type: 'voice', description: 'spoed' }]).returning('id').execute();
    await db.insertInto('schedules').values([{ team_id: teamId, freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' },
      { team_id: teamId, closed: true, valid_from: '2026-12-24', valid_to: '2026-12-26' }]).execute();
    await db.insertInto('languages').values([{ team_id: teamId, code: 'tr', name: 'Turks' }]).execute();
    await db.insertInto('cost_options').values([{ team_id: teamId, kind: 'contribution', amount: '3.50', amount_description: 'per keer' }]).execute();
    await db.insertInto('required_documents').values([{ team_id: teamId, document: 'Identiteitsbewijs' }]).execute();
    await db.insertInto('accessibility').values([{ location_id: locationId, kind: 'wheelchair', details: 'Drempelvrij' }]).execute();
    const body = (await getJson(app, `/hsds/services/${teamId}`)).body;
    expect(body).toMatchObject({ minimum_age: 18, maximum_age: 67, fees_description: 'Gratis', eligibility_description: 'Voor inwoners met geldzorgen', interpretation_services: expect.any(String) });
    expect(body.phones).toContainEqual({ id: phone!.id, service_id: teamId, number: '0299-123456', type: 'voice', description: 'spoed' });
    expect(JSON.stringify(body.phones)).not.toMatch(/"number":"(\+31|0)6/);
    expect(body.schedules).toEqual(expect.arrayContaining([
      expect.objectContaining({ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' }),
      expect.objectContaining({ valid_from: '2026-12-24', valid_to: '2026-12-26', description: 'Gesloten' })]));
    expect(body.languages).toContainEqual(expect.objectContaining({ code: 'tr', name: 'Turks' }));
    expect(body.cost_options).toContainEqual(expect.objectContaining({ option: 'Eigen bijdrage', amount: 3.5, currency: 'EUR', amount_description: 'per keer' }));
    expect(body.required_documents).toContainEqual(expect.objectContaining({ document: 'Identiteitsbewijs' }));
    const at = body.service_at_locations.find((x: { location_id: string }) => x.location_id === locationId);
    expect(at.location.accessibility).toContainEqual(expect.objectContaining({ description: 'Rolstoeltoegankelijk', details: 'Drempelvrij' }));
    if (hsdsPresent) expect(recordProblems(body, 'service')).toEqual([]);
  });

  it('filters combine as AND and say which field is wrong', async () => {
    const db = t.database.db;
    const team = await db.selectFrom('teams as t').innerJoin('team_topics as tt', 'tt.team_id', 't.id')
      .select(['t.id', 't.organisation_id', 't.team_type', 'tt.topic_key', 't.name']).orderBy('t.name').executeTakeFirstOrThrow();
    const topicTerm = termId(TOPIC_TAXONOMY, team.topic_key);
    const ids = async (qs: string) => ((await getJson(app, `/hsds/services?per_page=100&${qs}`)).body.contents as { id: string }[]).map((s) => s.id).sort();
    const byTopic = await ids(`taxonomy_term_id=${topicTerm}`);
    const byOrg = await ids(`organization_id=${team.organisation_id}`);
    const both = await ids(`taxonomy_term_id=${topicTerm}&organization_id=${team.organisation_id}`);
    expect(both).toContain(team.id);
    expect(both).toEqual(byTopic.filter((id) => byOrg.includes(id)));
    const expectedTopic = (await db.selectFrom('team_topics').select('team_id').where('topic_key', '=', team.topic_key).execute()).map((r) => r.team_id).sort();
    expect(byTopic).toEqual(expectedTopic);
    expect(await ids(`taxonomy_term_id=${termId(TEAM_TYPE_TAXONOMY, team.team_type)}`)).toEqual(
      (await db.selectFrom('teams').select('id').where('team_type', '=', team.team_type).execute()).map((r) => r.id).sort());
    expect(await ids(`search=${encodeURIComponent(team.name)}&organization_id=${team.organisation_id}`)).toContain(team.id);
    expect(await ids('search=zzzqqqxxx')).toEqual([]);
    expect((await ids(`taxonomy_id=${taxonomyId(TEAM_TYPE_TAXONOMY)}`)).length).toBe(await teamCount());
    // modified_after: only the team touched now
    await db.updateTable('teams').set({ updated_at: new Date(Date.now() + 60_000) }).where('id', '=', team.id).execute();
    expect(await ids(`modified_after=${encodeURIComponent(new Date(Date.now() + 30_000).toISOString())}`)).toEqual([team.id]);
    for (const [qs, field] of [['organization_id=x', 'organization_id'], ['modified_after=gisteren', 'modified_after'], ['page=0', 'page'], ['taxonomy_term_id=1', 'taxonomy_term_id']]) {
      const res = await getJson(app, `/hsds/services?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.details[0].field).toBe(field);
    }
  });

  it('organizations, their services, service_at_locations and taxonomy terms', async () => {
    const orgs = (await getJson(app, '/hsds/organizations?per_page=100')).body;
    expect(orgs.total_items).toBeGreaterThan(3);
    const org = orgs.contents[0];
    const detail = (await getJson(app, `/hsds/organizations/${org.id}`)).body;
    expect(detail.services.every((s: { organization_id: string }) => s.organization_id === org.id)).toBe(true);
    expect((await getJson(app, '/hsds/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const sal = (await getJson(app, '/hsds/service_at_locations?per_page=100')).body;
    const links = Number((await t.database.db.selectFrom('team_locations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(sal.total_items).toBe(links);
    expect(sal.contents[0]).toMatchObject({ service_id: expect.any(String), location_id: expect.any(String), location: { location_type: 'physical' } });
    const terms = (await getJson(app, `/hsds/taxonomy_terms?per_page=100&taxonomy_id=${taxonomyId(TOPIC_TAXONOMY)}`)).body;
    expect(terms.contents.filter((x: { parent_id?: string }) => x.parent_id).length).toBe(33); // the topics, under their life domains
    expect((await getJson(app, '/hsds/taxonomies')).body.total_items).toBe(2);
  });

  it('carries no people: no member names, no personal e-mail or phone anywhere', async () => {
    const people = await t.database.db.selectFrom('people').select(['family_name', 'email_work', 'phone_mobile']).execute();
    const text = (await app.inject({ method: 'GET', url: '/hsds/services?per_page=100' })).body
      + (await app.inject({ method: 'GET', url: '/hsds/service_at_locations?per_page=100' })).body
      + (await app.inject({ method: 'GET', url: '/hsds/organizations?per_page=100' })).body;
    for (const p of people) {
      if (p.email_work) expect(text).not.toContain(p.email_work);
      if (p.phone_mobile) expect(text).not.toContain(p.phone_mobile);
    }
    expect(text).not.toMatch(/"contacts"/);
  });

  it('a page of services costs the same number of queries for 1 or 100 services (no N+1)', async () => {
    const counted = (db: Kysely<DB>) => {
      let n = 0;
      const plugin: KyselyPlugin = { transformQuery: (args) => { n++; return args.node; }, transformResult: async (args) => args.result };
      return { db: db.withPlugin(plugin), count: () => n };
    };
    const one = counted(t.database.db);
    await servicePage(one.db, {}, 1, 1);
    const many = counted(t.database.db);
    const page = await servicePage(many.db, {}, 1, 100);
    expect(page.rows.length).toBeGreaterThan(10);
    expect(many.count()).toBe(one.count());
    expect(many.count()).toBeLessThanOrEqual(14);
  });
});

describe('every parameter of the official OpenAPI changes the answer as the specification says', () => {
  type R = Record<string, any>;
  const list = async (url: string) => { const r = await getJson(app, url); expect(r.status, url).toBe(200); return r.body as { total_items: number; contents: R[] }; };

  it('services: minimal gives ids and last_modified only; full=false the one-to-one list shape; full=true the default', async () => {
    const full = await list('/hsds/services?per_page=20');
    const minimal = await list('/hsds/services?per_page=20&minimal=true');
    expect(minimal.contents).toEqual(full.contents.map((s) => ({ id: s.id, last_modified: s.last_modified })));
    const flat = await list('/hsds/services?per_page=20&full=false');
    expect(flat.contents.map((s) => s.id)).toEqual(full.contents.map((s) => s.id));
    expect(flat.contents.every((s) => !('phones' in s) && !('service_at_locations' in s) && s.organization)).toBe(true);
    expect(full.contents.some((s) => s.phones.length)).toBe(true);
    expect(await list('/hsds/services?per_page=20&full=true')).toEqual(full);
    if (hsdsPresent) for (const s of flat.contents) expect(recordProblems(s, 'service_list'), s.id).toEqual([]);
  });

  it('organizations: full lists their services, full_service fully nested; by id too', async () => {
    const plain = await list('/hsds/organizations?per_page=100');
    expect(plain.contents.every((o) => !('services' in o))).toBe(true);
    const full = await list('/hsds/organizations?per_page=100&full=true');
    const nested = await list('/hsds/organizations?per_page=100&full_service=true');
    const counts = new Map<string, number>();
    for (const r of await t.database.db.selectFrom('teams').select('organisation_id').where('archived_at', 'is', null).execute()) counts.set(r.organisation_id, (counts.get(r.organisation_id) ?? 0) + 1);
    for (const o of full.contents) {
      expect(o.services.every((s: R) => s.organization_id === o.id && !('phones' in s)), o.id).toBe(true);
      expect(o.services.length).toBeLessThanOrEqual(counts.get(o.id) ?? 0);
    }
    expect(nested.contents.flatMap((o) => o.services).every((s: R) => Array.isArray(s.phones) && Array.isArray(s.attributes))).toBe(true);
    const org = nested.contents.find((o) => o.services.length)!;
    const byId = (await getJson(app, `/hsds/organizations/${org.id}?full_service=true`)).body;
    expect(byId.services).toEqual(org.services);
    expect((await getJson(app, `/hsds/organizations/${org.id}`)).body.services.every((s: R) => !('attributes' in s))).toBe(true);
  });

  it('format=ndjson streams every result of a list, one valid record per line, without pages', async () => {
    for (const [path, kind] of [['/hsds/services', 'service'], ['/hsds/organizations', 'organization'], ['/hsds/service_at_locations', 'service_at_location'], ['/hsds/taxonomy_terms', 'taxonomy_term']] as const) {
      const paged = (await getJson(app, `${path}?per_page=3`)).body;
      const res = await app.inject({ method: 'GET', url: `${path}?format=ndjson&per_page=3` });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^application\/x-ndjson/);
      const records = res.body.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(records.length, path).toBe(paged.total_items);
      expect(records.length, path).toBeGreaterThan(3);
      expect(new Set(records.map((r) => r.id)).size, path).toBe(records.length);
      for (const r of records.slice(0, 20)) expect(recordProblems(r, kind as Kind), `${path} ${r.id}`).toEqual([]);
    }
    expect((await getJson(app, '/hsds/services?format=xml')).status).toBe(400);
  });

  it('taxonomy_terms: top_only gives the groups, parent_id the terms under one; by id; taxonomies by id', async () => {
    const all = await list('/hsds/taxonomy_terms?per_page=100');
    const top = await list('/hsds/taxonomy_terms?per_page=100&top_only=true');
    expect(top.total_items).toBeGreaterThan(4);
    expect(top.total_items).toBeLessThan(all.total_items);
    expect(top.contents.every((x) => !x.parent_id)).toBe(true);
    const care = top.contents.find((x) => x.code === 'groep:care')!;
    const under = await list(`/hsds/taxonomy_terms?per_page=100&parent_id=${care.id}`);
    expect(under.contents.length).toBeGreaterThan(0);
    expect(under.contents.every((x) => x.parent_id === care.id)).toBe(true);
    expect(under.contents.map((x) => x.code).sort()).toEqual((await t.database.db.selectFrom('team_types').select('key').where('category', '=', 'care').execute()).map((r) => r.key).sort());
    expect((await getJson(app, `/hsds/taxonomy_terms/${under.contents[0]!.id}`)).body).toEqual(under.contents[0]);
    expect((await getJson(app, `/hsds/taxonomy_terms/${care.id}`)).body).toEqual(care);
    expect((await getJson(app, '/hsds/taxonomy_terms/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await getJson(app, `/hsds/taxonomies/${taxonomyId(TOPIC_TAXONOMY)}`)).body).toMatchObject({ id: taxonomyId(TOPIC_TAXONOMY), name: 'Wijkweb hulponderwerpen' });
    expect((await getJson(app, '/hsds/taxonomies/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    if (hsdsPresent) for (const x of top.contents) expect(recordProblems(x, 'taxonomy_term')).toEqual([]);
  });

  it('service_at_locations: by id with the whole service; full; postcode: teams working there; proximity: locations near it', async () => {
    const all = await list('/hsds/service_at_locations?per_page=100');
    const first = all.contents[0]!;
    const one = (await getJson(app, `/hsds/service_at_locations/${first.id}`)).body;
    expect(one).toMatchObject({ id: first.id, service_id: first.service_id, location_id: first.location_id, location: first.location });
    expect(one.service).toMatchObject({ id: first.service_id, phones: expect.any(Array), attributes: expect.any(Array) });
    expect((await getJson(app, '/hsds/service_at_locations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    if (hsdsPresent) expect(recordProblems(one, 'service_at_location')).toEqual([]);
    const full = await list('/hsds/service_at_locations?per_page=100&full=true');
    expect(full.contents.map((x) => x.id)).toEqual(all.contents.map((x) => x.id));
    expect(full.contents.every((x) => Array.isArray(x.service.attributes))).toBe(true);
    expect(all.contents.every((x) => !('attributes' in x.service))).toBe(true);

    const buurt = await t.database.db.selectFrom('areas').select(['code', 'postcodes', 'min_lat', 'max_lat', 'min_lon', 'max_lon'])
      .where('kind', '=', 'buurt').where(sql<boolean>`cardinality(postcodes) > 0`).orderBy('code').executeTakeFirstOrThrow();
    const pc4 = buurt.postcodes[0]!;
    const byPostcode = await list(`/hsds/service_at_locations?per_page=100&postcode=${pc4}AB`);
    const serving = new Set((await t.database.db.selectFrom('team_areas as ta').innerJoin('areas as a', 'a.code', 'ta.area_code')
      .where(sql<boolean>`a.postcodes @> array[${pc4}]::text[]`).select('ta.team_id').execute()).map((r) => r.team_id));
    expect(byPostcode.total_items).toBeGreaterThan(0);
    expect(byPostcode.total_items).toBeLessThan(all.total_items);
    expect(byPostcode.contents.every((x) => serving.has(x.service_id))).toBe(true);
    expect(all.contents.filter((x) => serving.has(x.service_id)).length).toBe(byPostcode.total_items);
    const near = await list(`/hsds/service_at_locations?per_page=100&postcode=${pc4}&proximity=1000`);
    const wide = await list(`/hsds/service_at_locations?per_page=100&postcode=${pc4}&proximity=20000`);
    expect(near.total_items).toBeLessThan(wide.total_items);
    expect(near.contents.every((x) => wide.contents.some((w) => w.id === x.id))).toBe(true);
    const buurten = await t.database.db.selectFrom('areas').select(['min_lat', 'max_lat', 'min_lon', 'max_lon'])
      .where(sql<boolean>`postcodes @> array[${pc4}]::text[]`).where('kind', '=', 'buurt').execute();
    const centre = { lat: buurten.reduce((s, b) => s + (b.min_lat! + b.max_lat!) / 2, 0) / buurten.length, lon: buurten.reduce((s, b) => s + (b.min_lon! + b.max_lon!) / 2, 0) / buurten.length };
    const metres = (l: R) => 6371008.8 * Math.hypot((l.latitude - centre.lat) * Math.PI / 180, (l.longitude - centre.lon) * Math.PI / 180 * Math.cos(centre.lat * Math.PI / 180));
    expect(near.contents.every((x) => metres(x.location) <= 1000)).toBe(true);
    expect(all.contents.filter((x) => metres(x.location) <= 1000).length).toBe(near.total_items);
    for (const [qs, field] of [['proximity=500', 'proximity'], ['postcode=12345', 'postcode'], ['postcode=1371&proximity=-3', 'proximity']]) {
      const res = await getJson(app, `/hsds/service_at_locations?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.details[0].field, qs).toBe(field);
    }
  });
});

(hsdsPresent ? describe : describe.skip)(hsdsPresent ? 'HSDS API against the official schemas (../shared/hsds-3.0)' : hsdsSkipReason, () => {
  const paged: [string, Kind][] = [
    ['/hsds/services?per_page=100', 'service'],
    ['/hsds/services?per_page=100', 'service_list'],
    ['/hsds/services?per_page=5&page=2&search=team', 'service'],
    [`/hsds/services?taxonomy_id=${taxonomyId(TOPIC_TAXONOMY)}&modified_after=2000-01-01`, 'service'],
    ['/hsds/services?search=zzzqqq', 'service'],
    ['/hsds/organizations?per_page=100', 'organization_list'],
    ['/hsds/organizations?per_page=100', 'organization'],
    ['/hsds/service_at_locations?per_page=100', 'service_at_location_list'],
    ['/hsds/service_at_locations?per_page=3&page=2', 'service_at_location'],
    ['/hsds/taxonomies', 'taxonomy'],
    ['/hsds/taxonomy_terms?per_page=100', 'taxonomy_term'],
  ];
  it.each(paged)('%s validates as pages of %s', async (url, kind) => {
    const { status, body } = await getJson(app, url);
    expect(status).toBe(200);
    expect(pageProblems(body, kind)).toEqual([]);
  }, 60_000);

  it('the validators do reject broken records (so a pass means something)', async () => {
    const service = (await getJson(app, '/hsds/services?per_page=1')).body.contents[0];
    expect(recordProblems(service, 'service')).toEqual([]);
    expect(recordProblems({ ...service, status: undefined }, 'service')).not.toEqual([]);
    expect(recordProblems({ ...service, id: 'team-1' }, 'service')).not.toEqual([]);
    expect(recordProblems({ ...service, url: 'not a link' }, 'service')).not.toEqual([]);
    expect(recordProblems({ ...service, phones: [{ id: service.id }] }, 'service')).not.toEqual([]);
    expect(pageProblems({ contents: [] }, 'service')).not.toEqual([]);
  });

  it('every service and organization by id validates', async () => {
    expect(recordProblems((await getJson(app, '/hsds/')).body, 'meta')).toEqual([]);
    for (const s of (await getJson(app, '/hsds/services?per_page=100')).body.contents) {
      expect(recordProblems((await getJson(app, `/hsds/services/${s.id}`)).body, 'service'), s.id).toEqual([]);
    }
    for (const o of (await getJson(app, '/hsds/organizations?per_page=100')).body.contents) {
      expect(recordProblems((await getJson(app, `/hsds/organizations/${o.id}`)).body, 'organization'), o.id).toEqual([]);
    }
  }, 60_000);
});
