// Usage counted without tracking (issue 17): searches and lookups become weekly aggregates,
// written in batches (a minute on the app's clock, and on close), added to by several
// instances without loss, never holding a digit, an e-mail address or a directory name, and
// shown only from 5 askings a week. No fixed sleeps: the clock is the app's, moved by hand.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/sessions.queries';
import type { Database } from '../../server/db/database';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { normaliseTerm, weekOf } from '../../server/insight/usage.counter';
import { buildTestApp, getJson } from '../helpers/app';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { createSeededDatabase } from '../helpers/db';
import { stableId } from '../../seeds/ids';

describe('usage counted as weekly aggregates', () => {
  let database: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let now = new Date();
  let analist: string;
  let person: { given_name: string; family_name: string };
  const clock = () => now;
  const advance = (ms: number) => { now = new Date(now.getTime() + ms); };
  const rows = () => database.db.selectFrom('usage_counts').selectAll().orderBy('kind').orderBy('key').execute();
  const search = (app: FastifyInstance, q: string, extra = '') => getJson(app, `/api/search?q=${encodeURIComponent(q)}${extra}`);

  beforeAll(async () => {
    database = await createSeededDatabase();
    a = await buildTestApp(database, { beforeReady: (app) => { app.clock = clock; } });
    b = await buildTestApp(database, { beforeReady: (app) => { app.clock = clock; } });
    analist = `${SESSION_COOKIE}=${(await createSession(database.db, stableId('account', DEMO_ACCOUNTS.analist.email))).token}`;
    person = await database.db.selectFrom('people').select(['given_name', 'family_name']).where('archived_at', 'is', null)
      .orderBy('id').executeTakeFirstOrThrow();
  });
  afterAll(async () => { await b?.close(); await a?.close(); await database?.close(); });

  it('normalises terms and refuses digits and e-mail addresses', () => {
    expect(normaliseTerm('  Hulp bij   SCHULDEN! ')).toBe('hulp bij schulden');
    expect(normaliseTerm("'s-Hertogenbosch")).toBe('s-hertogenbosch');
    for (const refused of ['7551 AB', '06-12345678', 'jan@example.org', 'wijkteam 3', '…', '٣']) expect(normaliseTerm(refused)).toBeNull();
    expect(weekOf(new Date('2026-12-06T23:00:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
  });

  it('writes nothing until a minute has passed, then every aggregate at once; no cookie on any resident answer', async () => {
    for (let i = 0; i < 6; i++) expect((await search(a, 'Eenzaamheid')).headers['set-cookie']).toBeUndefined();
    for (let i = 0; i < 2; i++) await search(a, 'buurtbus');
    for (const q of ['7551 AB', '06-12345678', 'mail jan@example.org', person.given_name, `${person.given_name} ${person.family_name}`, `hulp ${person.family_name}`]) {
      expect((await search(a, q)).headers['set-cookie']).toBeUndefined();
    }
    await search(a, 'zqxwv');
    await search(a, 'x', '&topic=debts&area=BU99010106');
    const buurt = await database.db.selectFrom('areas').select(['code', 'min_lon', 'min_lat', 'max_lon', 'max_lat']).where('code', '=', 'BU99010101').executeTakeFirstOrThrow();
    const lookup = await getJson(a, `/api/lookup?lat=${(buurt.min_lat! + buurt.max_lat!) / 2}&lon=${(buurt.min_lon! + buurt.max_lon!) / 2}`);
    expect(lookup.status).toBe(200);
    expect(lookup.headers['set-cookie']).toBeUndefined();
    expect(lookup.body.area.buurt.code).toBe('BU99010101');

    expect(await a.usage.tick()).toBe(0);
    expect(await rows()).toEqual([]);
    advance(61_000);
    expect(await a.usage.tick()).toBeGreaterThan(0);
    const stored = await rows();
    const week = weekOf(now);
    expect(stored).toContainEqual({ week, kind: 'term', key: 'eenzaamheid', area_code: '', count: 6 });
    expect(stored).toContainEqual({ week, kind: 'term', key: 'buurtbus', area_code: '', count: 2 });
    expect(stored).toContainEqual({ week, kind: 'zero', key: 'zqxwv', area_code: '', count: 1 });
    expect(stored).toContainEqual({ week, kind: 'topic', key: 'loneliness', area_code: '', count: 6 }); // "eenzaamheid" names the topic
    expect(stored).toContainEqual({ week, kind: 'topic', key: 'debts', area_code: 'BU99010106', count: 1 });
    expect(stored).toContainEqual({ week, kind: 'lookup', key: '', area_code: 'BU99010101', count: 1 });
    // read the table itself: no postcode, phone number, e-mail address or directory name
    const keys = stored.map((r) => r.key).join('\n').toLowerCase();
    expect(keys).not.toMatch(/\d|@/);
    expect(keys).not.toContain(person.given_name.toLowerCase());
    expect(keys).not.toContain(person.family_name.toLowerCase());
    expect(Object.keys(stored[0]!).sort()).toEqual(['area_code', 'count', 'key', 'kind', 'week']);
  });

  it('shows a term asked 6 times, not one asked twice; topics no team in the buurt serves are unmet', async () => {
    const res = await getJson(a, `/api/insight/usage?from=${weekOf(now)}`, { cookie: analist });
    expect(res.status).toBe(200);
    expect(res.body.min_count).toBe(5);
    expect(res.body.terms).toContainEqual({ week: weekOf(now), term: 'eenzaamheid', count: 6 });
    expect(res.body.terms.map((t: { term: string }) => t.term)).not.toContain('buurtbus');
    expect(res.body.zero_results).toEqual([]);
    const byArea = await getJson(a, '/api/insight/usage?area=GM9901', { cookie: analist });
    expect(byArea.body.lookups).toContainEqual({ week: weekOf(now), area: 'BU99010101', name: 'Oude Kern', count: 1 });
    expect(byArea.body.topics).toContainEqual({ week: weekOf(now), topic: 'debts', area: 'BU99010106', count: 1 });
    const served = await database.db.selectFrom('team_topics as tt').innerJoin('team_areas as ta', 'ta.team_id', 'tt.team_id')
      .where('tt.topic_key', '=', 'debts').where('ta.area_code', '=', 'BU99010106').select('tt.team_id').execute();
    expect(byArea.body.unmet_topics.some((u: { topic: string }) => u.topic === 'debts')).toBe(served.length === 0);
    expect((await getJson(a, '/api/insight/usage?from=2026-02-01&to=2026-01-01', { cookie: analist })).body.details[0].field).toBe('from');
    expect((await getJson(a, '/api/insight/usage')).status).toBe(401);
  });

  it('two instances count into the same rows without loss; closing writes the rest once', async () => {
    await Promise.all([...Array(5)].flatMap(() => [search(a, 'wachtlijst'), search(b, 'wachtlijst')]));
    advance(61_000);
    await Promise.all([a.usage.tick(), b.usage.tick()]);
    const count = async () => (await rows()).find((r) => r.kind === 'term' && r.key === 'wachtlijst')?.count;
    expect(await count()).toBe(10);
    await search(b, 'wachtlijst');
    await b.close(); // flushes on close
    expect(await count()).toBe(11);
    // a new instance on the same database (a restart) writes nothing twice
    b = await buildTestApp(database, { beforeReady: (app) => { app.clock = clock; } });
    advance(61_000);
    expect(await b.usage.tick()).toBe(0);
    await b.close();
    expect(await count()).toBe(11);
    b = await buildTestApp(database, { beforeReady: (app) => { app.clock = clock; } });
  });

  it('drops figures older than 13 months', async () => {
    const old = new Date(now.getTime());
    old.setUTCMonth(old.getUTCMonth() - 14);
    await database.db.insertInto('usage_counts').values({ week: weekOf(old), kind: 'term', key: 'oud', count: 9 }).execute();
    await search(a, 'nieuw');
    advance(61_000);
    await a.usage.tick();
    const keys = (await rows()).map((r) => r.key);
    expect(keys).toContain('nieuw');
    expect(keys).not.toContain('oud');
  });
});
