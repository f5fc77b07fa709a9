// HSDS without loss: import → export gives back every field of every record, ids included,
// for the specification's own example service and for a Dutch data set with schedules,
// phones, languages, costs, age limits and accessibility (tests/fixtures/hsds-nl). Fields
// Wijkweb has no column for come back verbatim; a Wijkweb edit shows in the export while the
// rest of the record stays as the source had it; a 06 number never leaves Wijkweb.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStalenessPolicy, stalenessPolicy } from '../../server/domain/staleness';
import { exportHsds } from '../../server/hsds/hsds.export';
import { readHsdsFiles } from '../../server/hsds/hsds.files';
import { matchTeams } from '../../server/services/services.filters';
import { importHsds } from '../../server/hsds/hsds.import';
import { CARRIED } from '../../server/hsds/hsds.profile';
import { seedReference } from '../../seeds/index';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { hsdsExampleDir, hsdsPresent, hsdsSkipReason, pageProblems, recordProblems } from '../helpers/hsds-schemas';

const FIXTURE = fileURLToPath(new URL('../fixtures/hsds-nl', import.meta.url));
type Obj = Record<string, any>;

/** Every leaf of a record by its path: what "a field" means in the counts. */
function leaves(value: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  else out.set(at, value);
  return out;
}
/** How many leaves of `source` come back with the same path and value. */
const kept = (source: unknown, back: unknown) => {
  const b = leaves(back);
  return [...leaves(source)].filter(([p, v]) => b.has(p) && Object.is(b.get(p), v)).length;
};

let t: TestApp;
let work: string;
const BASE = 'https://wijkweb.example';
const policy = stalenessPolicy();
const exported = async (name: string) => {
  const dir = path.join(work, name);
  await exportHsds(t.database.db, dir, { baseUrl: BASE });
  const read = async (f: string) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { contents: Obj[] };
  return { services: (await read('services.json')).contents, organizations: (await read('organizations.json')).contents };
};

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await seedReference(t.database.db);
  const area = (code: string, kind: 'gemeente' | 'wijk' | 'buurt', name: string, parent_code: string | null) => ({ code, kind, name, parent_code });
  await t.database.db.insertInto('areas').values([area('GM9901', 'gemeente', 'Lindeburg', null)]).execute();
  await t.database.db.insertInto('areas').values([area('WK990101', 'wijk', 'Lindeburg-Oost', 'GM9901')]).execute();
  await t.database.db.insertInto('areas').values([area('BU99010101', 'buurt', 'Oude Kern', 'WK990101'), area('BU99010102', 'buurt', 'Lindehof', 'WK990101')]).execute();
  work = await mkdtemp(path.join(tmpdir(), 'wijkweb-hsds-rt-'));
}, 60_000);
afterAll(async () => {
  setStalenessPolicy(policy);
  await t?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a Dutch data set comes back whole', () => {
  let source: { services: Obj[]; organizations: Obj[] };
  beforeAll(async () => {
    const files = await readHsdsFiles([FIXTURE]);
    source = Object.fromEntries(files.map((f) => [path.basename(f.name, '.json'), (f.data as { contents: Obj[] }).contents])) as typeof source;
    const report = await importHsds(t.database.db, files);
    expect(report.skipped).toEqual([]);
    expect(report.services.inserted).toBe(2);
  });

  it('the fixture is valid HSDS 3.0', () => {
    const page = { total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false, contents: source.services };
    expect(pageProblems(page, 'service')).toEqual([]);
    for (const o of source.organizations) expect(recordProblems(o, 'organization')).toEqual([]);
  });

  it('export gives back every field with its id; only the 06 number of a contact stays inside', async () => {
    const back = await exported('nl');
    const [geldloket, gym] = source.services.map((s) => back.services.find((x) => x.id === s.id)!);
    const withoutMobile = structuredClone(source.services[0]!);
    withoutMobile.contacts[0].phones = withoutMobile.contacts[0].phones.filter((p: Obj) => p.number !== '06-12345678');
    expect(geldloket).toEqual(withoutMobile);
    expect(JSON.stringify(back)).not.toContain('06-12345678');
    // the second service's organization came nested: it is the service's, verbatim, and a record of its own
    expect(gym).toEqual(source.services[1]);
    const org = back.organizations.find((o) => o.id === source.organizations[0]!.id);
    expect(org).toEqual(source.organizations[0]);
    expect(back.organizations.find((o) => o.id === source.services[1]!.organization.id)).toEqual(source.services[1]!.organization);
    for (const s of back.services) expect(recordProblems(s, 'service'), s.id).toEqual([]);
    // the API serves the same records
    const api = (await getJson(t.app, `/hsds/services/${geldloket!.id}`)).body;
    expect(api).toEqual(geldloket);
    const list = (await getJson(t.app, '/hsds/services?per_page=10')).body.contents as Obj[];
    expect(list.find((s) => s.id === gym!.id)).toEqual(gym);
  });

  it('the imported hours, phones, costs and languages feed the residents\' filters', async () => {
    const db = t.database.db;
    const [geldloket, gym] = source.services.map((s) => s.id as string);
    const rows = async (table: 'schedules' | 'phones' | 'cost_options' | 'languages', team: string) =>
      db.selectFrom(table).selectAll().where('team_id', '=', team).orderBy('sort_order').execute();
    expect((await rows('schedules', geldloket!)).map((s) => [s.freq, s.byday, s.opens_at?.slice(0, 5)])).toEqual([['WEEKLY', 'MO,WE', '09:00'], ['WEEKLY', 'TH', '13:00']]);
    expect((await rows('phones', geldloket!)).map((p) => p.number)).toEqual(['0299-123456', '0299-123499']);
    expect((await rows('cost_options', geldloket!)).map((c) => c.kind)).toEqual(['free']);
    expect((await rows('cost_options', gym!)).map((c) => c.kind)).toEqual(['contribution', 'free']);
    expect((await rows('languages', geldloket!)).map((l) => l.code)).toEqual(['nl', 'tr']);
    // Monday 7 December 2026, 10:30 in Amsterdam: the geldloket is open (MO 09:00–), the gym (SA) is not
    const monday = new Date('2026-12-07T09:30:00Z');
    const matches = await matchTeams(db, [geldloket!, gym!], { open_now: true, free: true, language: 'tr' }, monday);
    expect([...matches.keys()]).toEqual([geldloket]);
    expect(matches.get(geldloket!)!.map((m) => m.filter).sort()).toEqual(['free', 'language', 'open_now']);
  });

  it('a second import is no change; a Wijkweb edit shows, the rest stays as the source had it', async () => {
    const again = await importHsds(t.database.db, await readHsdsFiles([FIXTURE]));
    expect(again.services).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const id = source.services[0]!.id as string;
    // the imported phones are structured rows now (the residents' filters read them): edit the first one there
    await t.database.db.updateTable('teams').set({ name: 'Geldloket Lindeburg' }).where('id', '=', id).execute();
    await t.database.db.updateTable('phones').set({ number: '0299-111111' }).where('team_id', '=', id).where('sort_order', '=', 0).execute();
    const edited = (await getJson(t.app, `/hsds/services/${id}`)).body;
    expect(edited.name).toBe('Geldloket Lindeburg');
    expect(edited.phones[0]).toMatchObject({ id: source.services[0]!.phones[0].id, number: '0299-111111', type: 'voice', description: source.services[0]!.phones[0].description });
    expect(edited.phones[1]).toEqual(source.services[0]!.phones[1]);
    expect(edited.application_process).toBe(source.services[0]!.application_process);
    for (const k of ['schedules', 'languages', 'cost_options', 'required_documents', 'contacts', 'metadata', 'minimum_age', 'alert']) {
      expect(edited[k], k).toEqual(k === 'contacts' ? expect.any(Array) : source.services[0]![k]);
    }
  });
});

(hsdsPresent ? describe : describe.skip)(hsdsPresent ? 'the official example service (../shared/hsds-3.0)' : hsdsSkipReason, () => {
  it('service_full.json: all fields back, ids included; application_process is the source\'s', async () => {
    const original = JSON.parse(await readFile(path.join(hsdsExampleDir, 'service_full.json'), 'utf8')) as Obj;
    const report = await importHsds(t.database.db, [{ name: 'service_full.json', data: original }]);
    expect(report.services.inserted).toBe(1);
    // last verified in 2005: residents would not see it today, so the export is read in 2005
    setStalenessPolicy({ ...policy, clock: () => new Date('2005-06-01T12:00:00Z') });
    try {
      const back = (await exported('official')).services.find((s) => s.id === original.id)!;
      const total = leaves(original).size;
      console.info(`official example service: ${kept(original, back)} of ${total} fields kept`);
      expect(total).toBe(349);
      expect(back).toEqual(original);
      expect(kept(original, back)).toBe(total);
    } finally { setStalenessPolicy(policy); }
  });
});

(hsdsPresent ? describe : describe.skip)(hsdsPresent ? '/hsds/profile says how each field is carried' : hsdsSkipReason, () => {
  it('names every field of an HSDS service and organization, and which are Wijkweb columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/hsds/profile' });
    expect(res.statusCode).toBe(200);
    const schema = (kind: string) => JSON.parse(readFileSync(path.join(hsdsExampleDir, '../compiled', `${kind}.json`), 'utf8')).properties as Obj;
    for (const kind of ['service', 'organization']) {
      for (const field of Object.keys(schema(kind))) expect(res.body, `${kind}.${field}`).toContain(`\`${field}`);
    }
    for (const [kind, fields] of Object.entries(CARRIED)) {
      for (const [field, column] of fields) expect(res.body, `${kind}.${field}`).toContain(`\`${field}\` → ${column}`);
    }
    expect(res.body).toMatch(/letterlijk/);
  });
});
