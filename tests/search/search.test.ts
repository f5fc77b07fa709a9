// GET /api/search on the demo wijk: shape, filters, paging, people only for signed-in
// audiences, and hostile input (200 or a 400 naming q, never a 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../server/domain/audience';
import { search } from '../../server/search/search.queries';
import { SearchQuery } from '../../server/search/search.schemas';
import { createTestApp, getJson, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
const get = (url: string) => getJson(t.app, url);
const q = (text: string, extra = '') => get(`/api/search?q=${encodeURIComponent(text)}${extra}`);

const PROFESSIONAL: Audience = { kind: 'professional', accountId: '06468aca-8494-4b30-831d-dc6e6e82f4d2', personId: null, teamIds: [], organisationIds: [] };

describe('shape', () => {
  it('returns ranked items with kind, id, name, score, and paging fields', async () => {
    const { status, body } = await q('schulden');
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, per_page: 20, capped: false });
    expect(body.total).toBeGreaterThan(2);
    expect(body.items.length).toBe(Math.min(body.total, 20));
    for (const item of body.items) {
      expect(['team', 'organisation', 'topic']).toContain(item.kind);
      expect(typeof item.id).toBe('string');
      expect(typeof item.name).toBe('string');
      expect(typeof item.score).toBe('number');
      if (item.kind === 'team') expect(item.team_type).toMatch(/^[a-z_]+$/);
      if (item.kind === 'team') expect(item.organisation.name).toBeTruthy();
    }
    const scores = body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('puts an exact name first', async () => {
    const team = (await get('/api/teams?per_page=100')).body.items.find((i: { team_type: string }) => i.team_type === 'social_district_team');
    const { body } = await q(team.name.toUpperCase());
    expect(body.items[0]).toMatchObject({ kind: 'team', id: team.id, name: team.name });
  });

  it('finds topics by lay words, accent-insensitively', async () => {
    expect((await q('geldzorgen')).body.items.some((i: { kind: string; id: string }) => i.kind === 'topic' && i.id === 'debts')).toBe(true);
    const plain = (await q('Cafe')).body.items.map((i: { id: string }) => i.id);
    const accented = (await q('Café')).body.items.map((i: { id: string }) => i.id);
    expect(accented).toEqual(plain);
  });

  it('answers an empty q with no results', async () => {
    for (const url of ['/api/search', '/api/search?q=', '/api/search?q=%20%20']) {
      const { status, body } = await get(url);
      expect(status, url).toBe(200);
      expect(body).toMatchObject({ items: [], total: 0 });
    }
  });
});

describe('filters and paging', () => {
  it('filters by team type (teams only)', async () => {
    const { body } = await q('hulp', '&type=social_district_team,debt_counselling');
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(['social_district_team', 'debt_counselling']).toContain(item.team_type);
  });

  it('filters by topic', async () => {
    const { body } = await q('lindeburg', '&topic=dementia&kind=team');
    expect(body.items.length).toBeGreaterThan(0);
    const teams = (await get('/api/teams?topic=dementia&per_page=100')).body.items.map((i: { id: string }) => i.id);
    for (const item of body.items) expect(teams).toContain(item.id);
  });

  it('filters by area: a buurt, and a wijk containing it', async () => {
    const buurt = (await get('/api/areas?kind=buurt')).body.items[0];
    const inBuurt = (await get(`/api/teams?area=${buurt.code}&per_page=100`)).body.items.map((i: { id: string }) => i.id);
    const { body } = await q('wijkteam', `&area=${buurt.code}&kind=team`);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(inBuurt).toContain(item.id);
    const wijk = await q('wijkteam', `&area=${buurt.parent_code}&kind=team`);
    expect(wijk.body.total).toBeGreaterThanOrEqual(body.total);
    expect((await q('wijkteam', '&area=BU00000000')).body.total).toBe(0);
  });

  it('filters by kind', async () => {
    const { body } = await q('lindeburg', '&kind=organisation');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { kind: string }) => i.kind === 'organisation')).toBe(true);
  });

  it('pages through the same ranking without overlap', async () => {
    const all = (await q('lindeburg', '&per_page=100')).body;
    const first = (await q('lindeburg', '&per_page=5&page=1')).body;
    const second = (await q('lindeburg', '&per_page=5&page=2')).body;
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id))
      .toEqual(all.items.slice(0, 10).map((i: { id: string }) => i.id));
    const beyond = (await q('lindeburg', '&page=999')).body;
    expect(beyond).toMatchObject({ items: [], total: all.total, page: 999 });
  });
});

describe('people', () => {
  it('never returns people to residents, not even those with a public profile', async () => {
    const person = await t.database.db.selectFrom('people').select(['given_name', 'family_name'])
      .where('public_profile', '=', true).executeTakeFirstOrThrow();
    for (const text of [`${person.given_name} ${person.family_name}`, 'psycholoog', 'POH-GGZ']) {
      const { body } = await q(text, '&kind=person,team');
      expect(body.items.some((i: { kind: string }) => i.kind === 'person'), text).toBe(false);
    }
    expect((await q('psycholoog', '&kind=person')).body).toMatchObject({ items: [], total: 0 });
  });

  it('returns people to a professional, shaped as the people feature shows them (tests/trust/visibility.test.ts)', async () => {
    const person = await t.database.db.selectFrom('people').select(['id', 'given_name', 'family_name', 'job_title'])
      .where('public_profile', '=', false).where('archived_at', 'is', null).executeTakeFirstOrThrow();
    const result = await search(t.database.db, PROFESSIONAL, SearchQuery.parse({ q: `${person.given_name} ${person.family_name}` }));
    expect(result.items[0]).toEqual({ kind: 'person', id: person.id, name: `${person.given_name} ${person.family_name}`,
      job_title: person.job_title, score: expect.any(Number), person: expect.objectContaining({ id: person.id, shown_to: 'professionals' }) });
    const typo = await search(t.database.db, PROFESSIONAL, SearchQuery.parse({ q: `${person.family_name.slice(0, -1)}`, kind: 'person' }));
    expect(typo.items.map((i) => i.id)).toContain(person.id);
    const jobs = await search(t.database.db, PROFESSIONAL, SearchQuery.parse({ q: 'psycholoog', kind: 'person' }));
    expect(jobs.items.length).toBeGreaterThan(0);
  });

  it('leaves archived people out for every audience', async () => {
    const person = await t.database.db.selectFrom('people').select(['id', 'given_name', 'family_name'])
      .where('archived_at', 'is', null).executeTakeFirstOrThrow();
    await t.database.db.updateTable('people').set({ archived_at: new Date() }).where('id', '=', person.id).execute();
    try {
      const result = await search(t.database.db, { ...PROFESSIONAL, kind: 'admin' }, SearchQuery.parse({ q: `${person.given_name} ${person.family_name}` }));
      expect(result.items.map((i) => i.id)).not.toContain(person.id);
    } finally {
      await t.database.db.updateTable('people').set({ archived_at: null }).where('id', '=', person.id).execute();
    }
  });
});

describe('hostile and odd input', () => {
  const inputs = [
    "'; drop table teams; --", '%_\\', '%', '_', '\\', '"', "'", "''", '"wijkteam', 'a & b | !c', '&|!():*', '!!', '(', ')',
    'schuld:*', 'schuld:A', "'schuld':*", '<->', 'a <-> b', '<2>', '😀', '👩‍👧 geldzorgen 💶', 'ﷺ', '\u0000', '\u200b', 'x'.repeat(200),
    'SELECT * FROM people', '${q}', '$1', 'null', 'undefined', '-', '- -', 'OR', 'or or or', 'de het een', 'ä ö ü ß œ æ',
    'İstanbul', 'ἀλήθεια', 'مساعدة', '中文', '\t\n', 'a'.repeat(60) + ' ' + 'b'.repeat(60),
  ];
  it.each(inputs)('answers %j with 200', async (text) => {
    const { status, body } = await q(text);
    expect(status).toBe(200);
    expect(Array.isArray(body.items)).toBe(true);
  });

  it('rejects q over 200 characters with a 400 naming q', async () => {
    for (const text of ['x'.repeat(201), 'geldzorgen '.repeat(91)]) {
      const { status, body } = await q(text);
      expect(status).toBe(400);
      expect(body.error).toBe('bad_request');
      expect(body.details.map((d: { field: string }) => d.field)).toContain('q');
    }
  });

  it('rejects bad filters and paging with a 400 naming the field', async () => {
    for (const [extra, field] of [['&type=DROP TABLE', 'type'], ['&topic=%27', 'topic'], ['&area=GM', 'area'], ['&kind=people', 'kind'],
      ['&page=0', 'page'], ['&per_page=101', 'per_page'], ['&per_page=abc', 'per_page']] as const) {
      const { status, body } = await q('hulp', extra);
      expect(status, extra).toBe(400);
      expect(body.details.map((d: { field: string }) => d.field).join(','), extra).toContain(field);
    }
  });

  it('leaves the tables intact', async () => {
    expect((await get('/api/teams')).body.total).toBeGreaterThan(10);
  });
});
