// Runs the labelled relevance set (tests/fixtures/relevance.ts) through GET /api/search
// and requires a good answer in the top 3 of each query. Prints one line per query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { checkEverythingAgain } from '../helpers/review-fixture';
import { TEST_BACKEND } from '../helpers/db';
import { firstGoodAnswer, nameCases, type RelevanceCase, RELEVANCE_CASES } from '../fixtures/relevance';

let t: TestApp;
let cases: RelevanceCase[] = [];
const report: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await checkEverythingAgain(t.database.db); // every demo team findable by residents
  const teams = await t.database.db.selectFrom('teams').select(['id', 'name', 'team_type']).orderBy('name').execute();
  const organisations = await t.database.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
  cases = [...RELEVANCE_CASES, ...nameCases(teams, organisations)];
});
afterAll(async () => {
  const hits = report.filter((line) => !line.startsWith('MISS')).length;
  process.stdout.write(`\nrelevance on ${TEST_BACKEND}: ${hits}/${report.length} queries with a good answer in the top 3\n${report.join('\n')}\n`);
  await t?.close();
});

describe(`relevance set on ${TEST_BACKEND}`, () => {
  it('has at least 40 labelled queries', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
    expect(cases.length).toBeGreaterThan(RELEVANCE_CASES.length);
  });

  it('finds a good answer in the top 3 for every query', async () => {
    const misses: string[] = [];
    for (const c of cases) {
      const { status, body } = await getJson(t.app, `/api/search?q=${encodeURIComponent(c.q)}&per_page=10`);
      expect(status, c.q).toBe(200);
      const rank = firstGoodAnswer(body.items, c.expect);
      const top = body.items.slice(0, 3).map((i: { kind: string; name: string; team_type?: string }) =>
        `${i.kind === 'team' ? i.team_type : i.kind}: ${i.name}`).join(' | ');
      const line = `${rank >= 1 && rank <= 3 ? `#${rank}  ` : 'MISS'} [${c.voice}] ${JSON.stringify(c.q)} -> ${top}`;
      report.push(line);
      if (!(rank >= 1 && rank <= 3)) misses.push(line);
    }
    expect(misses).toEqual([]);
  }, 120_000); // ~80 queries; PGlite beside another test file on two cores takes ~25 s

  it('ranks help that serves a question about school above any single school', async () => {
    for (const q of ['mijn kind wordt gepest', 'pesten', 'mijn kind spijbelt']) {
      const { body } = await getJson(t.app, `/api/search?q=${encodeURIComponent(q)}&kind=team&per_page=20`);
      const types: string[] = body.items.map((i: { team_type: string }) => i.team_type);
      const firstHelp = types.findIndex((type) => ['youth_family_team', 'school_social_work'].includes(type));
      const firstSchool = types.indexOf('school');
      expect(firstHelp, q).toBeGreaterThanOrEqual(0);
      if (firstSchool >= 0) expect(firstHelp, `${q}: ${types.join(', ')}`).toBeLessThan(firstSchool);
    }
  });
});
