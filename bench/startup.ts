// Time from `npm start` to the first 200 on /api/health, against a bare baseline: a bare
// Fastify process with one health route, started the same way (npm → node). Rounds are
// interleaved (bare, compiled, tsx, bare, …) on one warm data folder after a first run that
// migrates and seeds it. "compiled" is what `npm start` does when dist/ is up to date
// (it is built first if stale); "tsx" (WIJKWEB_START=tsx) is the old way, the sources through tsx.
// Then the first start on a new data folder (the demo wijk loaded), interleaved with the tree
// given by --before: its time to healthy and the server's resident memory (VmRSS) once idle,
// and the same memory after a warm start, the demo's idle RSS (issue 20, target 5).
// Usage: npx tsx bench/startup.ts [--quick] [--rounds=N] [--before=DIR]
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportRows } from './lib/table';

const ROOT = new URL('..', import.meta.url).pathname;
const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? (QUICK ? 3 : 5));
const FIRST_ROUNDS = QUICK ? 1 : 3;
const BEFORE = process.argv.find((a) => a.startsWith('--before='))?.split('=')[1];
const IDLE_MS = 2_000; // after the first 200, as bench/embedded.bench.ts waits before reading RSS

/** Resident memory (MB) of the server in a process group: its largest process that is not npm or a shell. */
function serverRssMb(group: number): number {
  let max = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue; // pgrp
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/npm|^sh\0|\/sh\0/.test(cmdline)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      max = Math.max(max, Number(rss ?? 0) / 1024);
    } catch { /* gone meanwhile */ }
  }
  return max;
}

async function timeStart(command: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  return (await startMeasured(command, env, port, ROOT, false)).ms;
}

/** Starts a command in a process group of its own, waits for health 200, optionally idles and reads the server's RSS, stops it. */
async function startMeasured(command: string[], env: NodeJS.ProcessEnv, port: number, cwd: string, rss: boolean): Promise<{ ms: number; rssMb: number }> {
  const full = { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  delete full.DATABASE_URL;
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env: full, cwd, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) {
          const ms = performance.now() - started;
          if (!rss) return { ms, rssMb: 0 };
          await new Promise((r) => setTimeout(r, IDLE_MS));
          return { ms, rssMb: serverRssMb(child.pid!) };
        }
      } catch { /* not listening yet */ }
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
      if (performance.now() - started > 180_000) throw new Error('no 200 within 180 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.on('exit', r));
  }
}

const minMedian = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
};
/** Milliseconds in, seconds out. */
const stats = (list: number[]) => { const { min, median } = minMedian(list); return { min: min / 1000, median: median / 1000 }; };

async function benchStartup() {
  const dir = await mkdtemp(join(tmpdir(), 'wijkweb-startup-'));
  const bare = join(dir, 'bare.mjs');
  await writeFile(bare, `import Fastify from '${join(ROOT, 'node_modules/fastify/fastify.js')}';
const app = Fastify(); app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`);
  // Up to date dist/ (the web build first: the server build copies it), as a warm checkout has.
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-web-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dataDir = join(dir, 'data');
  const load = loadavg()[0]!.toFixed(2);
  try {
    const first = await timeStart(['npm', 'start', '--silent'], { DATA_DIR: dataDir }, 3901);
    const runs = { bare: [] as number[], compiled: [] as number[], tsx: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.bare.push(await timeStart(['npm', 'exec', '--offline', '--', 'node', bare], {}, 3902));
      runs.compiled.push(await timeStart(['npm', 'start', '--silent'], { DATA_DIR: dataDir }, 3903));
      runs.tsx.push(await timeStart(['npm', 'start', '--silent'], { DATA_DIR: dataDir, WIJKWEB_START: 'tsx' }, 3904));
    }
    const rows = [
      { bench: 'startup', measure: 'first npm start (migrate + seed), s', value: first / 1000, note: '1 run' },
      ...(['bare', 'compiled', 'tsx'] as const).flatMap((k) => [
        { bench: 'startup', measure: `warm ${k === 'bare' ? 'bare Fastify (baseline)' : k === 'tsx' ? 'npm start via tsx (before)' : 'npm start compiled (after)'}, min s`, value: stats(runs[k]).min, note: `${ROUNDS} rounds` },
        { bench: 'startup', measure: `warm ${k === 'bare' ? 'bare Fastify (baseline)' : k === 'tsx' ? 'npm start via tsx (before)' : 'npm start compiled (after)'}, median s`, value: stats(runs[k]).median, note: `load ${load}` },
      ]),
    ];
    return [...rows, ...await benchFirstStart(dir)];
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

/** A first `npm start` on a new folder, this tree and the one --before (interleaved), then a warm one of each. */
async function benchFirstStart(dir: string) {
  const trees = [['after', ROOT], ...(BEFORE ? [['before', BEFORE]] : [])] as [string, string][];
  const runs: Record<string, { first: number[]; rss: number[]; warmRss: number[] }> = {};
  for (const [label] of trees) runs[label] = { first: [], rss: [], warmRss: [] };
  let port = 3910;
  // One untimed first start per tree: a tree that must build its dist/ or web/dist does it here.
  for (const [label, tree] of trees) await startMeasured(['npm', 'start', '--silent'], { DATA_DIR: join(dir, `warmup-${label}`) }, port++, tree, false);
  for (let round = 0; round < FIRST_ROUNDS; round++) {
    for (const [label, tree] of trees) {
      const dataDir = join(dir, `first-${label}-${round}`);
      const first = await startMeasured(['npm', 'start', '--silent'], { DATA_DIR: dataDir }, port++, tree, true);
      const warm = await startMeasured(['npm', 'start', '--silent'], { DATA_DIR: dataDir }, port++, tree, true);
      runs[label]!.first.push(first.ms);
      runs[label]!.rss.push(first.rssMb);
      runs[label]!.warmRss.push(warm.rssMb);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // a server of the group may still be closing its files
    }
  }
  const load = loadavg()[0]!.toFixed(2);
  return trees.flatMap(([label]) => {
    const r = runs[label]!;
    const name = label === 'after' ? 'this tree' : `before (${BEFORE!.split('/').pop()})`;
    return [
      { bench: 'startup', measure: `first npm start, new folder with demo, ${name}: median s`, value: stats(r.first).median, note: `min ${stats(r.first).min.toFixed(2)}; ${FIRST_ROUNDS} rounds, load ${load}` },
      { bench: 'startup', measure: `idle RSS MB after that first start, ${name}: median`, value: Math.round(minMedian(r.rss).median), note: `min ${Math.round(minMedian(r.rss).min)}; target ≤ 350` },
      { bench: 'startup', measure: `idle RSS MB after a warm start, ${name}: median`, value: Math.round(minMedian(r.warmRss).median), note: `min ${Math.round(minMedian(r.warmRss).min)}` },
    ];
  });
}

reportRows(await benchStartup());
