// CSV exchange on the real database of the backend under test: export per audience,
// byte-identical round trip into a fresh database, idempotent re-import, all-or-nothing
// with every error named by row and column, the editor's scope, and the HTTP guard.
import { residentSecrets } from '../helpers/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase } from '../helpers/db';
import type { Database } from '../../server/db/database';
import type { DB } from '../../server/db/types';
import { ANONYMOUS, type Audience } from '../../server/domain/audience';
import { seedReference } from '../../seeds/index';
import { exportCsv } from '../../server/csv/csv.export';
import { importCsv } from '../../server/csv/csv.import';
import { KINDS } from '../../server/csv/csv.kind';
import { checkEverythingAgain } from '../helpers/review-fixture';

const ADMIN: Audience = { kind: 'admin', accountId: '00000000-0000-4000-8000-00000000a001', personId: null, teamIds: [], organisationIds: [] };
const ORDER = ['organisations', 'locations', 'teams', 'people'] as const;

let source: TestApp;
let target: Database;

/** Areas are reference data outside the CSV kinds: the fresh database gets the same ones. */
async function copyAreas(from: Kysely<DB>, to: Kysely<DB>) {
  const areas = await from.selectFrom('areas').selectAll().execute();
  const rank = { gemeente: 0, wijk: 1, buurt: 2 } as const;
  for (const a of areas.sort((x, y) => rank[x.kind] - rank[y.kind])) {
    await to.insertInto('areas').values({ ...a, geometry: a.geometry === null ? null : JSON.stringify(a.geometry) } as never).execute();
  }
}

beforeAll(async () => {
  source = await createTestApp();
  await checkEverythingAgain(source.database.db);
  target = await createTestDatabase();
  await seedReference(target.db);
  await copyAreas(source.database.db, target.db);
});
afterAll(async () => { await source?.close(); await target?.close(); });

describe('export', () => {
  it('serves each kind as an attachment: UTF-8 with BOM, ";" and CRLF, Dutch headers', async () => {
    const heads: Record<string, string> = {
      organisations: 'extern_id;naam;omschrijving', locations: 'extern_id;naam;straat;huisnummer;postcode',
      teams: 'extern_id;organisatie;naam;teamtype', people: 'extern_id;voornaam;achternaam',
      pathways: 'extern_id;voor;titel;situatie',
    };
    for (const kind of KINDS) {
      const res = await source.app.inject({ method: 'GET', url: `/api/export/${kind}.csv` });
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="\w+\.csv"$/);
      expect(res.body.startsWith(`\uFEFF${heads[kind]}`), kind).toBe(true);
      expect(res.body.split('\r\n').length, kind).toBeGreaterThan(5);
    }
    expect((await source.app.inject({ method: 'GET', url: '/api/export/accounts.csv' })).statusCode).toBe(400);
  });

  it('gives a resident only public people with public fields', async () => {
    const db = source.database.db;
    const csv = (await source.app.inject({ method: 'GET', url: '/api/export/people.csv' })).body;
    const header = csv.slice(1).split('\r\n')[0]!.split(';');
    for (const hidden of ['telefoon_mobiel', 'werkdagen', 'notities', 'beschikbaarheid']) expect(header).not.toContain(hidden);
    const people = await db.selectFrom('people').selectAll().execute();
    const secrets = await residentSecrets(db);
    expect(secrets.length).toBeGreaterThan(50);
    for (const s of secrets) expect(csv).not.toContain(s);
    expect(csv).not.toMatch(/\b06[- ]?\d{8}\b/);
    const hidden = people.filter((p) => !p.public_profile);
    expect(hidden.length).toBeGreaterThan(5);
    for (const p of hidden) expect(csv).not.toContain(p.id);
    const rows = csv.trimEnd().split('\r\n').length - 1;
    expect(rows).toBe(people.filter((p) => p.public_profile && p.archived_at === null).length);
  });
});

describe('import', () => {
  const files: Record<string, string> = {};

  it('round trip: export, import into a fresh database, export again is byte-identical', async () => {
    for (const kind of ORDER) files[kind] = await exportCsv(source.database.db, ANONYMOUS, kind);
    for (const kind of ORDER) {
      const dry = await importCsv(target.db, ADMIN, kind, files[kind]!, { dryRun: true });
      expect(dry.errors, kind).toEqual([]);
      expect(dry.created, kind).toBe(dry.rows);
      const report = await importCsv(target.db, ADMIN, kind, files[kind]!, { dryRun: false });
      expect(report, kind).toMatchObject({ applied: true, errors: [], created: dry.rows, updated: 0 });
    }
    for (const kind of ORDER) expect(await exportCsv(target.db, ANONYMOUS, kind), kind).toBe(files[kind]);
  });

  it('a second run of the same files changes nothing', async () => {
    const versions = async () => JSON.stringify(await Promise.all((['organisations', 'locations', 'teams', 'people', 'memberships'] as const)
      .map((t) => target.db.selectFrom(t).select(['id', 'version', 'updated_at']).orderBy('id').execute())));
    const before = await versions();
    for (const kind of ORDER) {
      const report = await importCsv(target.db, ADMIN, kind, files[kind]!, { dryRun: false });
      expect(report, kind).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: report.rows });
    }
    expect(await versions()).toBe(before);
  });

  it('a file with errors in 5 rows imports nothing and names exactly those rows and columns', async () => {
    const lines = files.people!.split('\r\n');
    const header = lines[0]!.replace('\uFEFF', '').split(';');
    const broken: Array<[number, string, string]> = [
      [2, 'publiek_profiel', 'misschien'], [4, 'talen', 'Nederlands!'], [7, 'telefoon_werk_zichtbaarheid', 'iedereen'],
      [9, 'teams', 'bestaat-niet:member:nee:'], [12, 'onderwerpen', 'geen_onderwerp'],
    ];
    for (const [row, column, value] of broken) {
      const cells = lines[row - 1]!.split(';');
      cells[header.indexOf(column)] = value;
      lines[row - 1] = cells.join(';');
    }
    // the same people changed in valid ways elsewhere, to prove nothing of it is written
    lines[2] = lines[2]!.replace(/^([^;]+);([^;]+);/, '$1;Gewijzigd;');
    const file = lines.join('\r\n');
    const before = await exportCsv(target.db, ANONYMOUS, 'people');
    for (const dryRun of [true, false]) {
      const report = await importCsv(target.db, ADMIN, 'people', file, { dryRun });
      expect(report.applied).toBe(false);
      expect(report.errors.map((e) => [e.row, e.column])).toEqual(broken.map(([row, column]) => [row, column]));
    }
    expect(await exportCsv(target.db, ANONYMOUS, 'people')).toBe(before);
  });

  it('reports header problems on row 1 and accepts "," files without a BOM', async () => {
    const bad = await importCsv(target.db, ADMIN, 'organisations', 'extern_id;naam;kleur\r\nx;y;rood\r\n', { dryRun: true });
    expect(bad.errors).toEqual([expect.objectContaining({ row: 1, column: 'kleur' })]);
    const missing = await importCsv(target.db, ADMIN, 'locations', 'extern_id,straat\nL1,Dorpsstraat\n', { dryRun: true });
    expect(missing.errors.map((e) => e.column)).toEqual(['huisnummer', 'postcode', 'plaats', 'breedtegraad', 'lengtegraad']);
    const comma = await importCsv(target.db, ADMIN, 'organisations', 'extern_id,naam,website\nNIEUW-1,"Stichting, Nieuw",https://example.org\n', { dryRun: true });
    expect(comma).toMatchObject({ errors: [], rows: 1, created: 1, applied: false });
    expect(await target.db.selectFrom('organisations').select('id').where('external_id', '=', 'NIEUW-1').executeTakeFirst()).toBeUndefined();
  });

  it('keeps an editor inside their own organisations', async () => {
    const [own, other] = await source.database.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').limit(2).execute();
    const editor: Audience = { kind: 'editor', accountId: '00000000-0000-4000-8000-00000000a002', personId: null, teamIds: [], organisationIds: [own!.id], editableOrganisationIds: [own!.id] };
    const file = `extern_id;naam\r\n${own!.id};${own!.name}\r\n${other!.id};Overgenomen\r\nNIEUW-2;Nieuw\r\n`;
    const report = await importCsv(source.database.db, editor, 'organisations', file, { dryRun: true });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, 'extern_id'], [4, 'extern_id']]);
    const teams = await exportCsv(source.database.db, ANONYMOUS, 'teams');
    const teamReport = await importCsv(source.database.db, editor, 'teams', teams, { dryRun: true });
    expect(teamReport.errors.length).toBeGreaterThan(0);
    expect(teamReport.errors.every((e) => e.column === 'organisatie')).toBe(true);
    // people: only those with a current membership in the editor's teams, only into those teams
    const people = await exportCsv(source.database.db, ANONYMOUS, 'people');
    const peopleReport = await importCsv(source.database.db, editor, 'people', people, { dryRun: true });
    expect(peopleReport.errors.length).toBeGreaterThan(10);
    expect(peopleReport.errors.length).toBeLessThan(peopleReport.rows); // their own people pass
    expect(peopleReport.errors.every((e) => e.column === 'extern_id' || e.column === 'teams')).toBe(true);
    expect(peopleReport.applied).toBe(false);
    const professional: Audience = { ...editor, kind: 'professional' };
    expect((await importCsv(source.database.db, professional, 'organisations', file, { dryRun: true })).errors).toHaveLength(3);
  });
});

describe('HTTP guard', () => {
  it('answers 401 to an anonymous import, before reading the file', async () => {
    for (const kind of KINDS) {
      const res = await source.app.inject({ method: 'POST', url: `/api/import/${kind}.csv?dry_run=1`, headers: { 'content-type': 'text/csv' }, payload: 'extern_id;naam\r\nx;y\r\n' });
      expect(res.statusCode, kind).toBe(401);
      expect(res.json()).toMatchObject({ error: 'not_signed_in' });
    }
    const json = await source.app.inject({ method: 'POST', url: '/api/import/teams.csv', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect([401, 415]).toContain(json.statusCode);
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await source.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/export/{kind}.csv', '/api/import/{kind}.csv']));
  });
});
