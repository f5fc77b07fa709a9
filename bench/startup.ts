// Time from `npm start` to the first 200 on /api/health, against a bare baseline: a bare
// Fastify process with one health route, started the same way (npm → node). Rounds are
// interleaved (bare, compiled, tsx, bare, …) on one warm data folder after a first run that
// migrates and seeds it. "compiled" is what `npm start` does when dist/ is up to date
// (it is built first if stale); "tsx" (WIJKWEB_START=tsx) is the old way, the sources through tsx.
// Usage: npx tsx bench/startup.ts [--quick] [--rounds=N]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportRows } from './lib/table';

const ROOT = new URL('..', import.meta.url).pathname;
const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? (QUICK ? 3 : 5));

async function timeStart(command: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const full = { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  delete full.DATABASE_URL;
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env: full, cwd: ROOT, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - started;
      } catch { /* not listening yet */ }
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no 200 within 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.on('exit', r));
  }
}

const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { min: sorted[0]! / 1000, median: sorted[Math.floor((sorted.length - 1) / 2)]! / 1000 };
};

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
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

reportRows(await benchStartup());
