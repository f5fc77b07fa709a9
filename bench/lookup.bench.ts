// GET /api/lookup (coordinate and postcode) under load on the national data set: the app
// against a bare Fastify route replaying the very same SQL over `pg` (bench/lookup.servers.ts,
// in a child process so autocannon does not share the servers' event loop), with EXPLAIN
// ANALYZE of every statement of a request.
//   npx tsx bench/lookup.bench.ts [--reuse] [--seconds=10] [--rounds=3] [--buurten=13000 --teams=50000 --people=200000]
// PostgreSQL server from BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { type CompiledQuery, sql } from 'kysely';
import { createDatabase } from '../server/db/database';
import { startChild } from './lib/child';
import { flag, prepareNational } from './lib/national';
import { explain, scanSummary } from './lib/explain';
import { type LoadFigures, runLoad } from './lib/load';
import { printTable } from './lib/table';
import type { LookupServersInfo } from './lookup.servers';

const NAME = 'wijkweb_bench_lookup';
const BIG = ['areas', 'teams', 'team_areas', 'locations', 'team_locations', 'people', 'memberships', 'person_topics', 'organisations'];
const SECONDS = flag('seconds', 10);
const ROUNDS = flag('rounds', 3);

async function plans(url: string, info: LookupServersInfo): Promise<void> {
  const database = await createDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    for (const kind of ['coord', 'postcode'] as const) {
      console.log(`\nEXPLAIN ANALYZE, every statement of GET ${info.samples[kind][0]}`);
      for (const s of info.statements[kind] ?? []) {
        const plan = await explain(database.db, { sql: s.sql, parameters: s.parameters } as CompiledQuery, BIG);
        const first = s.sql.replace(/\s+/g, ' ').slice(0, 90);
        console.log(`  ${plan.executionMs.toFixed(2)} ms  ${first}…`);
        for (const line of scanSummary(plan, BIG)) console.log(`      ${line}`);
        if (plan.seqScansOnBig.length) console.log(`      SEQ SCAN on ${plan.seqScansOnBig.join(', ')}`);
      }
    }
  } finally {
    await database.close();
  }
}

const url = await prepareNational(NAME);
const servers = await startChild<LookupServersInfo>(new URL('./lookup.servers.ts', import.meta.url).pathname, [url]);
const info = servers.info;
const childCpu = () => new Promise<number>((resolve) => {
  servers.child.once('message', (m) => { const { cpu } = m as { cpu: NodeJS.CpuUsage }; resolve((cpu.user + cpu.system) / 1000); });
  servers.child.send('cpu');
});
try {
  await plans(url, info);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows: Record<string, string | number>[] = [];
  console.log(`\nautocannon: 10 connections, ${ROUNDS} interleaved rounds of ${SECONDS} s (app, bare, app, bare, …), ${info.samples.coord.length} sample requests`);
  for (const kind of ['coord', 'postcode'] as const) {
    const paths = info.samples[kind];
    const measure = async (label: string, port: number) => {
      const before = await childCpu();
      const f = await runLoad(label, { url: `http://127.0.0.1:${port}`, paths, seconds: SECONDS });
      if (f.errors || f.non2xx) throw new Error(`${label}: ${f.errors} errors, ${f.non2xx} non-2xx`);
      return { ...f, cpu: (await childCpu() - before) / f.requests };
    };
    await runLoad('warm-up', { url: `http://127.0.0.1:${info.app}`, paths, seconds: 3 });
    await runLoad('warm-up', { url: `http://127.0.0.1:${info.bare}`, paths, seconds: 3 });
    const app: (LoadFigures & { cpu: number })[] = [], bare: (LoadFigures & { cpu: number })[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      app.push(await measure('app', info.app));
      bare.push(await measure('bare', info.bare));
    }
    for (const [label, runs] of [['app (Fastify+Zod+Kysely)', app], ['bare (Fastify+pg, same SQL)', bare]] as const) {
      rows.push({ request: kind, server: label, 'req/s': median(runs.map((x) => x.rps)), 'p50 ms': median(runs.map((x) => x.p50)),
        'p99 ms': median(runs.map((x) => x.p99)), 'server CPU ms/req': median(runs.map((x) => x.cpu)) });
    }
    rows.push({ request: kind, server: 'ratio app/bare (median of rounds)', 'req/s': median(app.map((x, i) => x.rps / bare[i]!.rps)),
      'p50 ms': `rounds ${app.map((x, i) => (x.rps / bare[i]!.rps).toFixed(2)).join(' ')}`, 'p99 ms': '', 'server CPU ms/req': '' });
  }
  console.log('');
  printTable(rows);
  console.log('\ntarget: ratio ≥ 0.8');
} finally {
  await servers.stop();
}
