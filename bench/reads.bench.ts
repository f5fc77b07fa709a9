// Reads signed in against anonymous, and map markers, on the national data set:
//   npx tsx bench/reads.bench.ts [--reuse] [--quick] [--only=markers,search] [--seconds=5 --rounds=4 --connections=10] [--baseline=/path/to/older/tree]
// Per route (team detail, people per area, lookup, search) the same paths anonymous and
// with a professional's session cookie, interleaved per round (A,B then B,A), min and median
// req/s, load average, and signed-in ÷ anonymous per round. With --baseline (a tree of an
// older commit, e.g. `git archive <commit> | tar -x -C dir` with node_modules linked) its
// app runs on the same database beside this one, interleaved too: before/after in one run.
// --quick: 1 round of 1 s per target (a smoke test; numbers mean little); without --quick (or
// with --same-people) also "same people": signed in ÷ anonymous where both see the same people.
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { createSession } from '../server/auth/sessions.queries';
import { SESSION_COOKIE } from '../server/http/session-cookie';
import { startChild } from './lib/child';
import { adminQuery, databaseUrl, untilQueriesDone } from './lib/db';
import { flag, prepareNational } from './lib/national';
import { interleaved, summarise, type Target } from './lib/interleave';
import { printTable, reportRows, type BenchRow } from './lib/table';

const NAME = 'wijkweb_bench_reads';
const QUICK = process.argv.includes('--quick');
const SECONDS = QUICK ? 1 : flag('seconds', 5);
// Four rounds by default: the order turns every round (lib/interleave.ts), so each target is first as often as second.
const ROUNDS = QUICK ? 1 : flag('rounds', 4);
const CONNECTIONS = flag('connections', 10);
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1]?.split(',');
// --before=DIR (the runner's name for it) or --baseline=DIR: an older tree to measure beside this one.
const baseline = process.argv.find((a) => a.startsWith('--baseline=') || a.startsWith('--before='))?.split('=')[1];
// --quick reuses the national set when it is there (loading it takes minutes).
if (QUICK && !process.argv.includes('--reuse')) process.argv.push('--reuse');
const SEARCHES = ['geldzorgen', 'ik kan mijn rekeningen niet betalen', 'deurwaarder', 'mijn kind spijbelt', 'eenzaam', 'huisarts',
  'opvoeden', 'hulp bij formulieren', 'mantelzorg', 'dementie', 'verslaafd', 'ruzie met de buren', 'POH-GGZ', 'wijkverpleging',
  'schuldhulpverleining', 'jongerwerk'];

const url = await prepareNational(NAME);
const database = await createDatabase({ databaseUrl: url, poolSize: 2 });
let cookie: string;
let paths: Record<string, string[]>;
try {
  await migrateToLatest(database.db);
  const db = database.db;
  // Teams with members that have a 06 number for professionals: what a signed-in view audits.
  const teams = (await sql<{ id: string }>`select m.team_id as id from memberships m join people p on p.id = m.person_id
    where m.until is null and p.phone_mobile is not null and p.phone_mobile_visibility = 'professionals'
    group by m.team_id having count(*) >= 3 order by md5(m.team_id::text) limit 40`.execute(db)).rows;
  const buurten = (await sql<{ code: string; lat: number; lon: number; pc: string | null }>`select code, (min_lat + max_lat) / 2 as lat,
    (min_lon + max_lon) / 2 as lon, postcodes[1] as pc from areas where kind = 'buurt' and geometry is not null order by md5(code) limit 40`.execute(db)).rows;
  const viewports = [[3.3, 50.7, 7.3, 53.6, 7], [4.7, 52.2, 5.1, 52.5, 11], [5.0, 51.9, 5.3, 52.2, 12], [4.2, 51.8, 4.6, 52.0, 13], [6.5, 53.1, 6.7, 53.3, 14]];
  paths = {
    'team detail': teams.map((t) => `/api/teams/${t.id}`),
    'people per area': buurten.map((b) => `/api/areas/${b.code}/people`),
    lookup: buurten.flatMap((b, i) => (i % 2 && b.pc ? [`/api/lookup?postcode=${b.pc}AB&number=${1 + i}`] : [`/api/lookup?lat=${b.lat.toFixed(5)}&lon=${b.lon.toFixed(5)}`])),
    search: SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
    markers: viewports.map(([a, b, c, d, z]) => `/api/map/markers?bbox=${a},${b},${c},${d}&zoom=${z}`),
  };
  // A professional who works in one of those teams (so "same team" rules are exercised).
  const person = (await sql<{ id: string }>`select person_id as id from memberships where team_id = ${teams[0]!.id} and until is null limit 1`.execute(db)).rows[0]!;
  // Every run starts with an empty audit log, as after a fresh load: the view rows of earlier
  // runs (the baseline writes one per number shown, 800,000 after a few runs) would make each
  // later run's writes slower than the one before.
  await sql`truncate audit_log`.execute(db);
  await sql`delete from accounts where email = 'bench-reads@example.org'`.execute(db);
  const account = await db.insertInto('accounts').values({ email: 'bench-reads@example.org', role: 'professional', person_id: person.id })
    .returning('id').executeTakeFirstOrThrow();
  const session = await createSession(db, account.id, { timeouts: { idleMs: 86400_000, absoluteMs: 86400_000 } });
  cookie = `${SESSION_COOKIE}=${session.token}`;
} finally {
  await database.close();
}

// Like for like: signed in, a buurt shows every professional (about 150 in the national set),
// a resident only those who published a profile (about 16), so the plain ratio compares
// answers ten times apart in size. A copy of the set in which everyone published a profile
// (and everything is freshly verified) lets the resident see the same people, and the ratio
// there is the cost of being signed in itself: session, audit, the fields only
// professionals see. The session above is in the copy too.
const SAME = !QUICK || process.argv.includes('--same-people');
let sameUrl: string | undefined;
if (SAME) {
  const name = `${NAME}_public`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${NAME}`);
  sameUrl = databaseUrl(name);
  // a plain client: the app's statement limit would stop these whole-table updates
  const copy = new pg.Client({ connectionString: sameUrl });
  await copy.connect();
  try {
    await copy.query('update people set public_profile = true, last_verified_at = now()');
    await copy.query('update teams set last_verified_at = now()');
    await copy.query('vacuum analyze people, teams');
  } finally {
    await copy.end();
  }
}

const trees = [...(baseline ? [{ name: 'before', root: baseline }] : []), { name: 'after', root: new URL('..', import.meta.url).pathname }];
const servers = [];
for (const tree of trees) servers.push({ ...tree, child: await startChild<{ port: number }>(new URL('./reads.servers.ts', import.meta.url).pathname, [url, tree.root]) });
if (sameUrl) servers.push({ name: 'same people', root: trees.at(-1)!.root, child: await startChild<{ port: number }>(new URL('./reads.servers.ts', import.meta.url).pathname, [sameUrl, trees.at(-1)!.root]) });
try {
  const rows: Record<string, string | number>[] = [];
  for (const [route, list] of Object.entries(paths)) {
    if (only && !only.some((o) => route.startsWith(o))) continue;
    console.log(`\n${route}: ${list.length} paths, ${CONNECTIONS} connections, ${SECONDS} s per target, ${ROUNDS} rounds`);
    const targets: Target[] = servers.flatMap((s) => {
      if (s.name === 'same people' && (route === 'markers' || route === 'search')) return [];
      const base = `http://127.0.0.1:${s.child.info.port}`;
      const anon = { label: `${route} ${s.name} anonymous`, url: base, paths: list };
      return route === 'markers' ? [anon] : [anon, { label: `${route} ${s.name} signed in`, url: base, paths: list, headers: { cookie } }];
    });
    // Between targets: until the last one's queries are done (a slow "before" keeps PostgreSQL busy past its window).
    const settle = () => untilQueriesDone([NAME, ...(SAME ? [`${NAME}_public`] : [])]);
    const figures = await interleaved(targets, { seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS, warmupSeconds: QUICK ? 1 : 3, settle });
    rows.push(...summarise(figures, (label) => {
      if (label.endsWith('signed in')) return label.replace('signed in', 'anonymous');
      if (baseline && label.includes(' after ')) return label.replace(' after ', ' before ');
      if (label.includes(' same people ')) return undefined;
      return undefined;
    }));
  }
  console.log('');
  printTable(rows);
  console.log('');
  reportRows(rows.filter((r) => r['ratio (median)']).map((r): BenchRow => ({
    bench: 'reads', measure: `${r.target} ÷ ${String(r['ratio (median)']).split(' vs ')[1]!.replace(/^.* (before|after) /, '$1 ')}`,
    value: String(r['ratio (median)']).split(' vs ')[0]!, note: `${r['median req/s']} req/s, load ${r['load avg']}`,
  })));
} finally {
  for (const s of servers) await s.child.stop();
}
