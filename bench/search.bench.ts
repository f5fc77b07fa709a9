// Search benchmark on the national data set:
//   npx tsx bench/search.bench.ts [--seconds=5 --rounds=3 --connections=10 --reuse --db=wijkweb_bench --quick
//                                  --plans-only --full-plans --baseline=/path/to/older/tree
//                                  --buurten=13000 --teams=50000 --people=200000]
// 1. a fresh PostgreSQL database (127.0.0.1:5432), migrated, taxonomy + national set loaded
//    (--reuse keeps an existing wijkweb_bench database);
// 2. EXPLAIN (ANALYZE, BUFFERS) of the main search shapes, checking the big tables are read
//    through indexes;
// 3. the real app and a bare Fastify + pg route with the same SQL, driven by autocannon
//    with the same query mix, interleaved (bare, app, bare, app…) over --rounds rounds: min
//    and median req/s, load average, the per-round app/bare ratio. With --baseline (the
//    tree of an older commit, node_modules linked) that app runs too, on the same
//    database: before and after in one run. --quick: one round of 1 s (a smoke test).
// The app caches ranked rows per directory change marker (search.queries.ts): after the
// first request of each query in the mix, the app answers from it; the bare route never
// does, it is the cost of the statement itself.
import { sql } from 'kysely';
import { createDatabase } from '../server/db/database';
import { ANONYMOUS, type Audience } from '../server/domain/audience';
import { searchPlan } from '../server/search/search.queries';
import { SearchQuery } from '../server/search/search.schemas';
import { searchStatement } from '../server/search/search.sql';
import { startChild } from './lib/child';
import { flag, prepareNational } from './lib/national';
import { explain, scanSummary } from './lib/explain';
import { interleaved, summarise, type Target } from './lib/interleave';
import { printTable, reportRows, type BenchRow } from './lib/table';
import { migrateToLatest } from '../server/db/migrate';

const NAME = process.argv.find((a) => a.startsWith('--db='))?.split('=')[1] ?? 'wijkweb_bench';
const QUICK = process.argv.includes('--quick');
// --before=DIR (the runner's name for it) or --baseline=DIR: an older tree to measure beside this one.
const baseline = process.argv.find((a) => a.startsWith('--baseline=') || a.startsWith('--before='))?.split('=')[1];
// --quick reuses the national set when it is there (loading it takes minutes).
if (QUICK && !process.argv.includes('--reuse')) process.argv.push('--reuse');
const BIG = ['teams', 'organisations', 'people', 'team_topics', 'team_areas', 'memberships', 'person_topics', 'locations', 'areas'];
const LAY = ['geldzorgen', 'ik kan mijn rekeningen niet betalen', 'deurwaarder', 'mijn kind spijbelt', 'eenzaam', 'huisarts',
  'opvoeden', 'hulp bij formulieren', 'mantelzorg', 'dementie', 'verslaafd', 'ruzie met de buren', 'POH-GGZ', 'FACT',
  'wijkverpleging', 'schuldhulpverlening', 'jgt', 'Wmo-loket', 'ambulante jeugdhulp', 'opbouwwerk', 'schuldhulpverleining',
  'huisarst', 'wijkverplegng', 'jongerwerk'];

async function plans(url: string, names: string[], gemeente: string): Promise<void> {
  const database = await createDatabase({ databaseUrl: url, poolSize: 1 });
  const professional: Audience = { kind: 'professional', accountId: 'bench', personId: null, teamIds: [], organisationIds: [] };
  const shapes: [string, Audience, Record<string, string>][] = [
    ['lay word', ANONYMOUS, { q: 'geldzorgen' }], ['lay sentence', ANONYMOUS, { q: 'ik kan mijn rekeningen niet betalen' }],
    ['jargon', ANONYMOUS, { q: 'huisarts' }], ['typo', ANONYMOUS, { q: 'schuldhulpverleining' }], ['team name', ANONYMOUS, { q: names[0]! }],
    ['area filter', ANONYMOUS, { q: 'wijkteam', area: gemeente }], ['people (professional)', professional, { q: 'de Jong', kind: 'person' }],
  ];
  try {
    for (const [label, audience, query] of shapes) {
      await explain(database.db, searchStatement(database.db, audience, searchPlan(SearchQuery.parse(query))).compile(database.db), BIG); // warm
      const s = await explain(database.db, searchStatement(database.db, audience, searchPlan(SearchQuery.parse(query))).compile(database.db), BIG);
      console.log(`\n[${label}] ${JSON.stringify(query)}: ${s.executionMs.toFixed(1)} ms, ${s.seqScansOnBig.length ? `SEQ SCAN on ${s.seqScansOnBig.join(', ')}` : 'no seq scan on big tables'}`);
      for (const line of scanSummary(s, BIG)) console.log(`  ${line}`);
      if (process.argv.includes('--full-plans')) console.log(s.text);
    }
  } finally {
    await database.close();
  }
}

async function sampleNames(url: string): Promise<{ names: string[]; gemeente: string }> {
  const database = await createDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    const teams = await database.db.selectFrom('teams').select('name').orderBy('id').offset(777).limit(8).execute();
    const gemeenten = await database.db.selectFrom('areas').select('code').where('kind', '=', 'gemeente').orderBy('code').limit(41).execute();
    return { names: teams.map((t) => t.name), gemeente: gemeenten[gemeenten.length - 1]!.code };
  } finally {
    await database.close();
  }
}

const url = await prepareNational(NAME);
{ // a reused database may predate the newest migrations
  const database = await createDatabase({ databaseUrl: url, poolSize: 1 });
  try { await migrateToLatest(database.db); } finally { await database.close(); }
}
const { names, gemeente } = await sampleNames(url);
await plans(url, names, gemeente);
// The mix: lay words, jargon and typos, team names exact and with a letter dropped.
const queries = [...LAY, ...names, ...names.map((n) => n.slice(0, 4) + n.slice(5).toLowerCase())];
const paths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
if (process.argv.includes('--plans-only')) process.exit(0);
const servers = await startChild<{ app: number; bare: number }>(new URL('./search.servers.ts', import.meta.url).pathname, [url]);
const before = baseline ? await startChild<{ app: number; bare: number }>(`${baseline}/bench/search.servers.ts`, [url]) : undefined;
try {
  const seconds = QUICK ? 1 : flag('seconds', 5), connections = flag('connections', 10), rounds = QUICK ? 1 : flag('rounds', 3);
  console.log(`\nautocannon: ${queries.length} queries in turn, ${connections} connections, ${seconds} s per target, ${rounds} rounds interleaved`);
  const targets: Target[] = [
    { label: 'bare fastify+pg', url: `http://127.0.0.1:${servers.info.bare}`, paths },
    ...(before ? [{ label: 'wijkweb app before', url: `http://127.0.0.1:${before.info.app}`, paths }] : []),
    { label: before ? 'wijkweb app after' : 'wijkweb app', url: `http://127.0.0.1:${servers.info.app}`, paths },
  ];
  const figures = await interleaved(targets, { seconds, connections, rounds, warmupSeconds: QUICK ? 1 : 3 });
  console.log('');
  const vsBare = summarise(figures, (label) => (label.startsWith('wijkweb') ? 'bare fastify+pg' : undefined));
  printTable(vsBare);
  const vsBefore = before ? summarise(figures, (label) => (label === 'wijkweb app after' ? 'wijkweb app before' : undefined)).filter((r) => r.target === 'wijkweb app after') : [];
  if (before) printTable(vsBefore);
  console.log('');
  reportRows([...vsBare, ...vsBefore].filter((r) => r['ratio (median)']).map((r): BenchRow => ({
    bench: 'search', measure: `${r.target} ÷ ${String(r['ratio (median)']).split(' vs ')[1]}`,
    value: String(r['ratio (median)']).split(' vs ')[0]!, note: `${r['median req/s']} req/s, load ${r['load avg']}`,
  })));
} finally {
  await servers.stop();
  await before?.stop();
}
