// HSDS out and in: the export validates against the official schemas, imports into an
// empty database and exports again identically; imports are idempotent by id; the
// specification's own examples import without error; what does not fit is reported.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { exportHsds } from '../../server/hsds/hsds.export';
import { readHsdsFiles } from '../../server/hsds/hsds.files';
import { importHsds } from '../../server/hsds/hsds.import';
import { cbsUri, termId, TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY } from '../../server/hsds/hsds.ids';
import { seedReference } from '../../seeds/index';
import { createSeededDatabase, createTestDatabase } from '../helpers/db';
import { hsdsExampleDir, hsdsPresent, hsdsSkipReason, type Kind, pageProblems, recordProblems } from '../helpers/hsds-schemas';
import { checkEverythingAgain } from '../helpers/review-fixture';

let source: Database;
let target: Database;
let work: string;
const BASE = 'https://wijkweb.example';

/** A database with the reference data and the areas of `from`, and no directory records. */
async function emptyDirectory(from: Database): Promise<Database> {
  const db = await createTestDatabase();
  await seedReference(db.db);
  const areas = await from.db.selectFrom('areas').selectAll().execute();
  const order = { gemeente: 0, wijk: 1, buurt: 2 };
  for (const a of areas.sort((x, y) => order[x.kind] - order[y.kind])) {
    // the zoom-band copies are derived data: left empty, they are filled again on demand
    const { geometry_low: _low, geometry_mid: _mid, geometry_high: _high, ...own } = a;
    await db.db.insertInto('areas').values({ ...own, geometry: a.geometry === null ? null : JSON.stringify(a.geometry) }).execute();
  }
  return db;
}

const readDir = async (dir: string) => Object.fromEntries(await Promise.all((await readdir(dir)).sort()
  .map(async (f) => [f, f.endsWith('.json') ? JSON.parse(await readFile(path.join(dir, f), 'utf8')) : await readFile(path.join(dir, f), 'utf8')])));
const count = async (db: Database, table: 'teams' | 'organisations' | 'locations' | 'people' | 'team_areas') =>
  Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  source = await createSeededDatabase();
  await checkEverythingAgain(source.db); // the export holds what residents see: every demo team
  target = await emptyDirectory(source);
  work = await mkdtemp(path.join(tmpdir(), 'wijkweb-hsds-'));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('export → import → export', () => {
  it('writes every collection, then an empty directory imported from it exports the same records', async () => {
    const progress: string[] = [];
    const counts = await exportHsds(source.db, path.join(work, 'a'), { baseUrl: BASE, onProgress: (m) => progress.push(m) });
    expect(counts.services).toBe(await count(source, 'teams'));
    expect(progress).toContain(`services.json: ${counts.services}`);
    const lines: string[] = [];
    const report = await importHsds(target.db, await readHsdsFiles([path.join(work, 'a')]), { onProgress: (m) => lines.push(m) });
    expect(report.skipped).toEqual([]);
    expect(report.services).toEqual({ inserted: counts.services, updated: 0, unchanged: 0 });
    expect(report.organizations.inserted).toBe(counts.organizations);
    expect(lines.some((l) => /^services \d+\/\d+$/.test(l))).toBe(true);
    expect(await count(target, 'people')).toBe(0);
    await exportHsds(target.db, path.join(work, 'b'), { baseUrl: BASE });
    const [a, b] = [await readDir(path.join(work, 'a')), await readDir(path.join(work, 'b'))];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const file of Object.keys(a)) expect(b[file], file).toEqual(a[file]);
  });

  it('a second import changes nothing; a changed record is updated in place with a new version', async () => {
    const before = await target.db.selectFrom('teams').select(['id', 'version', 'updated_at']).orderBy('id').execute();
    const files = await readHsdsFiles([path.join(work, 'a')]);
    const again = await importHsds(target.db, files);
    expect(again.services).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.organizations).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.locations).toMatchObject({ inserted: 0, updated: 0 });
    expect(await target.db.selectFrom('teams').select(['id', 'version', 'updated_at']).orderBy('id').execute()).toEqual(before);
    const services = files.find((f) => f.name.endsWith('services.json'))!.data as { contents: { id: string; name: string }[] };
    const changed = structuredClone(services);
    changed.contents[0]!.name = 'Nieuwe naam';
    const report = await importHsds(target.db, [{ name: 'services.json', data: changed }]);
    expect(report.services).toMatchObject({ inserted: 0, updated: 1 });
    const row = await target.db.selectFrom('teams').select(['name', 'version']).where('id', '=', changed.contents[0]!.id).executeTakeFirstOrThrow();
    const old = before.find((b) => b.id === changed.contents[0]!.id)!;
    expect(row).toEqual({ name: 'Nieuwe naam', version: old.version + 1 });
    expect(await count(target, 'teams')).toBe(before.length);
  });
});

describe('mapping HSDS records that did not come from Wijkweb', () => {
  const org = { id: '11111111-1111-4111-8111-111111111111', name: 'Stichting Geldzorg', description: 'Hulp bij geld.' };
  const service = (areas: object[], extra: object = {}) => ({
    id: '22222222-2222-4222-8222-222222222222', organization: org, name: 'Schuldhulp Oost', status: 'active',
    phones: [{ id: '33333333-3333-4333-8333-333333333333', number: '06-12345678', contact_id: '44444444-4444-4444-8444-444444444444' },
      { id: '55555555-5555-4555-8555-555555555555', number: '088-1234567' }],
    contacts: [{ id: '44444444-4444-4444-8444-444444444444', name: 'Piet Persoon', email: 'piet@example.org' }],
    attributes: [
      { id: 'a1111111-1111-4111-8111-111111111111', taxonomy_term: { id: '66666666-6666-4666-8666-666666666666', code: 'debt_counselling', name: 'Schuldhulp', description: 'x' } },
      { id: 'a2222222-2222-4222-8222-222222222222', taxonomy_term_id: termId(TOPIC_TAXONOMY, 'debts') },
    ],
    service_areas: areas, ...extra,
  });

  it('maps team type and topics by term, phones without people, CBS areas (a wijk: all its buurten), and reports the rest', async () => {
    const wijk = await source.db.selectFrom('areas').select('code').where('kind', '=', 'wijk').orderBy('code').executeTakeFirstOrThrow();
    const buurten = (await source.db.selectFrom('areas').select('code').where('parent_code', '=', wijk.code).orderBy('code').execute()).map((r) => r.code);
    const people = await count(target, 'people');
    const report = await importHsds(target.db, [{ name: 'extern.json', data: service([
      { id: 'b1111111-1111-4111-8111-111111111111', uri: cbsUri(wijk.code) },
      { id: 'b2222222-2222-4222-8222-222222222222', name: 'Buurt BU99999999' },
      { id: 'b3333333-3333-4333-8333-333333333333', name: 'Heel Nederland' },
    ]) }]);
    expect(report.services.inserted).toBe(1);
    expect(report.skipped.map((s) => [s.kind, s.id])).toEqual([
      ['service_area', 'b2222222-2222-4222-8222-222222222222'], ['service_area', 'b3333333-3333-4333-8333-333333333333']]);
    const team = await target.db.selectFrom('teams').selectAll().where('id', '=', '22222222-2222-4222-8222-222222222222').executeTakeFirstOrThrow();
    expect(team).toMatchObject({ organisation_id: org.id, team_type: 'debt_counselling', public_phone: '088-1234567' });
    expect((await target.db.selectFrom('team_topics').select('topic_key').where('team_id', '=', team.id).execute()).map((r) => r.topic_key)).toEqual(['debts']);
    const areas = await target.db.selectFrom('team_areas').select(['area_code', 'coverage']).where('team_id', '=', team.id).orderBy('area_code').execute();
    expect(areas).toEqual(buurten.map((area_code) => ({ area_code, coverage: 'wijk' })));
    expect(await count(target, 'people')).toBe(people);
  });

  it('an unknown team type becomes "other"; a service of an unknown organisation or without a UUID is skipped, not fatal', async () => {
    const report = await importHsds(target.db, [{ name: 'services.json', data: { contents: [
      { id: '77777777-7777-4777-8777-777777777777', organization_id: org.id, name: 'Iets anders', status: 'active',
        attributes: [{ id: 'a3333333-3333-4333-8333-333333333333', taxonomy_term: { id: 'c1111111-1111-4111-8111-111111111111', code: 'unknown', name: 'Onbekend', description: 'x' } }] },
      { id: '88888888-8888-4888-8888-888888888888', organization_id: '99999999-9999-4999-8999-999999999999', name: 'Wees', status: 'active' },
      { id: 'team-3', organization_id: org.id, name: 'Geen uuid', status: 'active' },
    ] } }]);
    expect(report.services.inserted).toBe(1);
    expect(report.skipped.map((s) => s.reason)).toEqual(['id is not a UUID', 'organization 99999999-9999-4999-8999-999999999999 is not known']);
    const other = await target.db.selectFrom('teams').select('team_type').where('id', '=', '77777777-7777-4777-8777-777777777777').executeTakeFirstOrThrow();
    expect(other.team_type).toBe('other');
    expect(await target.db.selectFrom('team_types').select('label_nl').where('key', '=', 'other').executeTakeFirst()).toEqual({ label_nl: 'Overig' });
    // a one-to-one list of the same service does not erase its terms or areas
    await importHsds(target.db, [{ name: 'service_list.json', data: { contents: [{ id: '22222222-2222-4222-8222-222222222222', organization_id: org.id, name: 'Schuldhulp Oost', status: 'active' }] } }]);
    const kept = await target.db.selectFrom('teams').select(['team_type', 'public_phone']).where('id', '=', '22222222-2222-4222-8222-222222222222').executeTakeFirstOrThrow();
    expect(kept).toEqual({ team_type: 'debt_counselling', public_phone: '088-1234567' });
    expect(await target.db.selectFrom('team_areas').select('area_code').where('team_id', '=', '22222222-2222-4222-8222-222222222222').execute()).not.toEqual([]);
  });
});

(hsdsPresent ? describe : describe.skip)(hsdsPresent ? 'official HSDS 3.0 schemas and examples (../shared/hsds-3.0)' : hsdsSkipReason, () => {
  const FILES: [string, Kind, boolean][] = [
    ['index.json', 'meta', false], ['organizations.json', 'organization', true], ['services.json', 'service', true],
    ['service_at_locations.json', 'service_at_location', true], ['taxonomies.json', 'taxonomy', true], ['taxonomy_terms.json', 'taxonomy_term', true],
  ];
  const dir = () => path.join(work, 'schema');
  beforeAll(async () => { await exportHsds(source.db, dir(), { baseUrl: BASE }); });

  it.each(FILES)('exported %s validates (%s)', async (file, kind, paged) => {
    const body = JSON.parse(await readFile(path.join(dir(), file), 'utf8'));
    expect(paged ? pageProblems(body, kind) : recordProblems(body, kind)).toEqual([]);
    if (paged) expect(body.contents.length).toBeGreaterThan(0);
  }, 60_000);

  it("the specification's own examples import without error, and again without change", async () => {
    const db = await emptyDirectory(source);
    try {
      const files = await readHsdsFiles([hsdsExampleDir]);
      expect(files.length).toBeGreaterThanOrEqual(12);
      const report = await importHsds(db.db, files);
      expect(report.organizations.inserted).toBeGreaterThanOrEqual(1);
      expect(report.services.inserted).toBe(1);
      const service = await db.db.selectFrom('teams').selectAll().where('id', '=', 'ac148810-d857-441c-9679-408f346de14b').executeTakeFirstOrThrow();
      expect(service).toMatchObject({ name: 'Community Counselling', organisation_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', team_type: 'other', website: 'http://example.com/counselling' });
      // The example location (postcode "ABC 1234", latitude 100) and its non-CBS area don't fit a Dutch directory: reported.
      expect(report.skipped).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: 'location', reason: expect.stringMatching(/postcode/) }),
        expect.objectContaining({ kind: 'service_area', reason: expect.stringMatching(/no CBS code/) }),
      ]));
      expect(await count(db, 'people')).toBe(0);
      const again = await importHsds(db.db, files);
      expect(again.services).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect(again.organizations.updated).toBe(0);
    } finally { await db.close(); }
  }, 60_000);
});
