// Insight coverage (issue 17): CBS figures carried in by the area import, the coverage per buurt
// of the demo gemeente and of the real gemeente Hengelo (no teams there: every buurt a gap),
// the CSV export, and who may see it (analist and admin; never a resident or professional).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeatureCollection, importAreas } from '../../server/areas/areas.import';
import { createSession } from '../../server/auth/sessions.queries';
import { DEFAULT_INSIGHT_TEAM_TYPES } from '../../server/config';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { weighGaps } from '../../server/insight/coverage.queries';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS } from '../helpers/auth';
import { stableId } from '../../seeds/ids';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const FILES = ['hengelo-gemeente', 'hengelo-wijken', 'hengelo-buurten'].map((f) => path.join(SHARED, `${f}.geojson`));
if (!FILES.every((f) => existsSync(f))) throw new Error(`the Hengelo boundaries are missing in ${SHARED}`);

describe('insight: CBS figures and coverage per buurt', () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await importAreas(db, FILES.map((f) => JSON.parse(readFileSync(f, 'utf8')) as FeatureCollection));
    const mint = async (id: string) => `${SESSION_COOKIE}=${(await createSession(db, id)).token}`;
    cookie.analist = await mint(stableId('account', DEMO_ACCOUNTS.analist.email));
    cookie.admin = await mint(stableId('account', DEMO_ACCOUNTS.admin.email));
    cookie.professional = await mint(stableId('account', DEMO_ACCOUNTS.professional.email));
    cookie.editor = await mint(stableId('account', DEMO_ACCOUNTS.editor.email));
    cookie.analist2 = await mint(await createAccount(db, { email: 'analist2@example.org', role: 'analist' }));
  });
  afterAll(async () => { await t?.close(); });

  it('the import keeps the CBS key figures, and the area answers them with the source line', async () => {
    const res = await getJson(t.app, '/api/areas/BU01640000');
    expect(res.status).toBe(200);
    expect(res.body.figures).toEqual({
      inhabitants: 880, households: 615, share_0_15: 6, share_65_plus: 19, share_single_person: 67,
      share_with_children: 9, share_rented: 69, land_ha: 24, year: 2019, source: 'Kadaster / CBS, 2019',
    });
    const wijk = await getJson(t.app, '/api/areas/WK016400');
    expect(wijk.body.figures).toMatchObject({ inhabitants: 2655, households: 1505, share_65_plus: null, year: 2019 });
  });

  it('the demo gemeente: every buurt with its figures, types served, professionals per 1,000 and weighed gaps', async () => {
    const res = await getJson(t.app, '/api/insight/coverage?area=GM9901', { cookie: cookie.analist! });
    expect(res.status).toBe(200);
    const c = res.body;
    expect(c.basic_set.map((b: { key: string }) => b.key)).toEqual([...DEFAULT_INSIGHT_TEAM_TYPES]);
    expect(c.source).toBe('Kadaster / CBS, 2023');
    expect(c.buurten).toHaveLength(7);
    expect(c.totals).toMatchObject({ buurten: 7, inhabitants: 25_000 });
    for (const b of c.buurten) {
      expect(Object.keys(b.served).sort()).toEqual([...DEFAULT_INSIGHT_TEAM_TYPES].sort());
      expect(b.gaps.map((g: { type: string }) => g.type).sort()).toEqual(Object.entries(b.served).filter(([, n]) => n === 0).map(([k]) => k).sort());
      expect(b.figures.inhabitants).toBeGreaterThan(0);
      expect(b.professionals_per_1000).toBeCloseTo((b.professionals * 1000) / b.figures.inhabitants, 1);
    }
    // the demo's sociaal wijkteam serves every buurt; largest gap first
    expect(c.buurten.every((b: { served: Record<string, number> }) => b.served.social_district_team! > 0)).toBe(true);
    const scores = c.buurten.map((b: { gap_score: number }) => b.gap_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(c.buurten.some((b: { professionals: number }) => b.professionals > 0)).toBe(true);
  });

  it('gaps weigh by the figures: many 65+ and no ouderenwerk weighs more than few 65+', () => {
    const old = weighGaps(['elderly_welfare'], { population: 3000, share_65_plus: 40 });
    const young = weighGaps(['elderly_welfare'], { population: 3000, share_65_plus: 10 });
    expect(old.gaps[0]).toEqual({ type: 'elderly_welfare', weight: 6, figure: 'share_65_plus' });
    expect(young.gaps[0]!.weight).toBe(1.5);
    expect(weighGaps(['youth_family_team', 'gp_practice'], { population: 2000, share_0_15: 32 }).gaps)
      .toEqual([{ type: 'youth_family_team', weight: 4, figure: 'share_0_15' }, { type: 'gp_practice', weight: 2, figure: null }]);
  });

  it('Hengelo has no teams yet: every buurt is a gap for every type of the basic set', async () => {
    const res = await getJson(t.app, '/api/insight/coverage?area=GM0164', { cookie: cookie.admin! });
    expect(res.status).toBe(200);
    expect(res.body.buurten).toHaveLength(62);
    expect(res.body.totals).toMatchObject({ buurten: 62, with_gaps: 62, gaps: 62 * 9, inhabitants: 80_535 });
    expect(res.body.source).toBe('Kadaster / CBS, 2019');
    expect(res.body.buurten.every((b: { gaps: unknown[]; professionals: number }) => b.gaps.length === 9 && b.professionals === 0)).toBe(true);
    const wijk = await getJson(t.app, '/api/insight/coverage?area=WK016400', { cookie: cookie.analist! });
    expect(wijk.body.buurten.map((b: { code: string }) => b.code).sort()).toEqual(['BU01640000', 'BU01640001', 'BU01640002']);
  });

  it('exports the same as a spreadsheet', async () => {
    const res = await t.app.inject({ url: '/api/insight/coverage?area=GM9901&format=csv', headers: { cookie: cookie.analist! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('dekking-GM9901.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^buurtcode;buurt;wijkcode;inwoners;/);
    expect(lines[0]).toContain('teams_elderly_welfare');
    expect(lines.slice(1).every((l) => l.endsWith('Kadaster / CBS, 2023'))).toBe(true);
  });

  it('only the analist and admins see insight: residents 401, professionals and editors 403', async () => {
    const url = '/api/insight/coverage?area=GM9901';
    expect((await getJson(t.app, url)).status).toBe(401);
    expect((await getJson(t.app, url, { cookie: cookie.professional! })).status).toBe(403);
    expect((await getJson(t.app, url, { cookie: cookie.editor! })).status).toBe(403);
    expect((await getJson(t.app, url, { cookie: cookie.analist2! })).status).toBe(200);
    expect((await getJson(t.app, '/api/insight/usage', { cookie: cookie.professional! })).status).toBe(403);
    expect((await getJson(t.app, '/api/insight/coverage?area=GM0000', { cookie: cookie.analist! })).status).toBe(404);
    expect((await getJson(t.app, '/api/insight/coverage?area=x', { cookie: cookie.analist! })).body.details[0].field).toBe('area');
  });

  it('the analist sees people exactly as a resident does: no 06 number, no team notes', async () => {
    const team = stableId('team', 'wijkteam_west');
    const asAnalist = await getJson(t.app, `/api/teams/${team}`, { cookie: cookie.analist! });
    const asResident = await getJson(t.app, `/api/teams/${team}`);
    const asProfessional = await getJson(t.app, `/api/teams/${team}`, { cookie: cookie.professional! });
    expect(asProfessional.body.members.length).toBeGreaterThan(asResident.body.members.length);
    expect(asAnalist.body.members).toEqual(asResident.body.members);
    expect(asAnalist.raw).not.toMatch(/phone_mobile|private_notes|availability_note/);
    const anyone = asProfessional.body.members[0].person.id;
    const person = await getJson(t.app, `/api/people/${anyone}`, { cookie: cookie.analist! });
    if (person.status === 200) expect(person.body.person.shown_to).toBe('public');
    else expect(person.status).toBe(404);
    const search = await getJson(t.app, `/api/search?q=${encodeURIComponent(asProfessional.body.members[0].person.family_name)}`, { cookie: cookie.analist! });
    expect(search.body.items.filter((i: { kind: string }) => i.kind === 'person')).toEqual([]);
  });
});
