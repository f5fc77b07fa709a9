// npx tsx bench/insight.bench.ts: insight on PostgreSQL (issue 17).
// 1. Coverage of a gemeente of 100 buurten (10 wijken × 10 buurten with CBS figures, 120 teams
//    of the basic set serving 5–30 buurten each, 6 members each): target p95 under 200 ms.
// 2. What usage counting adds to a search: /api/search through the app with counting on, and
//    with the counter's search() made a no-op, alternating, 300 requests each; plus the cost
//    of one count in memory and of writing a minute's batch. Bounded: fixed counts, one run.
import { buildApp } from '../server/app';
import { loadConfig, DEFAULT_INSIGHT_TEAM_TYPES } from '../server/config';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { coverageOf } from '../server/insight/coverage.queries';
import { UsageCounter } from '../server/insight/usage.counter';
import { seedDemo, seedReference } from '../seeds/index';
import { sql } from 'kysely';
import { adminQuery, freshDatabase } from './lib/db';

const NAME = 'wijkweb_bench_insight';
const GM = 'GM9988';
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

let seed = 42;
const rand = () => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed / 2 ** 31; };

const url = await freshDatabase(NAME);
const database = await createDatabase({ databaseUrl: url, poolSize: 4 });
try {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  await seedDemo(database.db);
  const db = database.db;
  const buurten: string[] = [];
  await db.insertInto('areas').values({ code: GM, kind: 'gemeente', name: 'Benchstad', parent_code: null, population: 250_000 }).execute();
  for (let w = 0; w < 10; w++) {
    const wijk = `WK9988${String(w).padStart(2, '0')}`;
    await db.insertInto('areas').values({ code: wijk, kind: 'wijk', name: `Wijk ${w}`, parent_code: GM }).execute();
    await db.insertInto('areas').values(Array.from({ length: 10 }, (_, b) => {
      const code = `BU9988${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;
      buurten.push(code);
      return { code, kind: 'buurt' as const, name: `Buurt ${w}-${b}`, parent_code: wijk, population: 800 + Math.round(rand() * 4000),
        households: 500 + Math.round(rand() * 2000), share_0_15: Math.round(5 + rand() * 25), share_65_plus: Math.round(5 + rand() * 40),
        share_single_person: Math.round(20 + rand() * 50), share_with_children: Math.round(5 + rand() * 40), share_rented: Math.round(10 + rand() * 70),
        land_ha: Math.round(20 + rand() * 200), figures_year: 2023 };
    })).execute();
  }
  const org = (await db.insertInto('organisations').values({ name: 'Bench welzijn' }).returning('id').executeTakeFirstOrThrow()).id;
  for (let i = 0; i < 120; i++) {
    const type = DEFAULT_INSIGHT_TEAM_TYPES[i % DEFAULT_INSIGHT_TEAM_TYPES.length]!;
    const team = (await db.insertInto('teams').values({ name: `Bench team ${i}`, team_type: type, organisation_id: org, last_verified_at: new Date().toISOString() })
      .returning('id').executeTakeFirstOrThrow()).id;
    const serves = [...new Set(Array.from({ length: 5 + Math.floor(rand() * 25) }, () => buurten[Math.floor(rand() * buurten.length)]!))];
    await db.insertInto('team_areas').values(serves.map((area_code) => ({ team_id: team, area_code }))).execute();
    const people = await db.insertInto('people').values(Array.from({ length: 6 }, (_, p) => ({ given_name: `Bench${i}`, family_name: `Persoon ${p}`, organisation_id: org })))
      .returning('id').execute();
    await db.insertInto('memberships').values(people.map((p) => ({ person_id: p.id, team_id: team, role: 'lid' }))).execute();
  }
  await sql`ANALYZE`.execute(db);

  // 1. coverage
  for (let i = 0; i < 5; i++) await coverageOf(db, GM, DEFAULT_INSIGHT_TEAM_TYPES);
  const times: number[] = [];
  let result = await coverageOf(db, GM, DEFAULT_INSIGHT_TEAM_TYPES);
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    result = await coverageOf(db, GM, DEFAULT_INSIGHT_TEAM_TYPES);
    times.push(performance.now() - started);
  }
  console.log(`coverage of ${result!.buurten.length} buurten (${result!.totals.gaps} gaps): p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))} — target p95 < 200 ms: ${quantile(times, 0.95) < 200 ? 'met' : 'NOT MET'}`);

  // 2. usage counting and a search
  const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: 'off', NODE_ENV: 'test' }), database, serveWeb: false });
  await app.ready();
  const realSearch = app.usage.search.bind(app.usage);
  const words = ['schulden', 'eenzaam', 'huisarts', 'opvoeding', 'mantelzorg', 'wijkteam', 'geldzorgen', 'dementie'];
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 600; i++) {
    const counting = i % 2 === 0;
    app.usage.search = counting ? realSearch : () => {};
    const started = performance.now();
    const res = await app.inject({ url: `/api/search?q=${words[i % words.length]}` });
    (counting ? on : off).push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}`);
  }
  console.log(`search with counting: p50 ${ms(quantile(on, 0.5))}, p95 ${ms(quantile(on, 0.95))}; without: p50 ${ms(quantile(off, 0.5))}, p95 ${ms(quantile(off, 0.95))}`);
  const counter = new UsageCounter(db, () => new Date());
  const n = 100_000;
  const started = performance.now();
  for (let i = 0; i < n; i++) counter.search(`${words[i % words.length]} ${words[(i * 3) % words.length]}`, i % 7, ['debts'], buurten[i % 100]);
  const perCount = ((performance.now() - started) * 1000) / n;
  const flushStarted = performance.now();
  const written = await counter.flush();
  console.log(`one count in memory: ${perCount.toFixed(2)} µs; writing a batch of ${written} aggregates (${n} searches): ${ms(performance.now() - flushStarted)}`);
  await app.close();
} finally {
  await database.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}
