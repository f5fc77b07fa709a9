// Embedded PGlite under load (issue 20, target 5): the demo in a data folder with PGlite on
// its worker thread (after) against PGlite on the main thread (before, PGlite's node-postgres
// adapter), each in a child process. Per round and mode: the successful (2xx) rate at 10 and
// at 100 connections on a mix of reads, /api/health latency probed from a third process
// meanwhile, and the idle RSS of the started server. Modes interleave (after, before, …).
// Usage: npx tsx bench/embedded.bench.ts [--quick] [--rounds=N] [--seconds=S]
import { fork, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { reportRows, type BenchRow } from './lib/table';

const QUICK = process.argv.includes('--quick');
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', QUICK ? 1 : 3);
const SECONDS = arg('seconds', QUICK ? 5 : 10);
const SERVER = new URL('./embedded.server.ts', import.meta.url).pathname;
const PATHS = ['/api/teams?per_page=20', '/api/search?q=hulp%20bij%20geldzorgen', '/api/areas?kind=buurt', '/api/topics'];
type Mode = 'worker' | 'main';

async function start(mode: Mode, dataDir: string) {
  const child = fork(SERVER, [mode, dataDir], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    rss: () => new Promise<number>((resolve) => { child.once('message', (m) => resolve((m as { rss: number }).rss)); child.send('rss'); }),
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

/** Probes /api/health one call at a time from its own process until stopped; returns the latencies. */
function probeHealth(base: string) {
  const code = `const out=[];let stop=false;process.on('message',()=>{stop=true});(async()=>{while(!stop){const t=performance.now();try{const r=await fetch('${base}/api/health');await r.arrayBuffer();out.push([r.status,performance.now()-t])}catch{out.push([0,performance.now()-t])}await new Promise(r=>setTimeout(r,50))}process.send(out,()=>process.exit(0))})()`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return () => new Promise<[number, number][]>((resolve) => { child.once('message', (m) => resolve(m as [number, number][])); child.send('stop'); });
}

async function load(base: string, connections: number, seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: base, connections, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: PATHS[next++ % PATHS.length]! }) }],
  });
  return { ok: result['2xx'] / seconds, shed: result.non2xx, errors: result.errors + result.timeouts };
}

const pct = (list: number[], q: number) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN; };

const dir = await mkdtemp(join(tmpdir(), 'wijkweb-embedded-'));
try {
  // One seeded demo folder (a first start migrates and seeds it), copied per run.
  const seeded = join(dir, 'seeded');
  const first = await start('worker', seeded);
  await first.stop();
  const figures: Record<Mode, { ok10: number[]; ok100: number[]; healthP99: number[]; healthMax: number[]; rss: number[]; shed100: number[] }> = {
    worker: { ok10: [], ok100: [], healthP99: [], healthMax: [], rss: [], shed100: [] },
    main: { ok10: [], ok100: [], healthP99: [], healthMax: [], rss: [], shed100: [] },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['worker', 'main'] as const) {
      const folder = join(dir, `${mode}-${round}`);
      await cp(seeded, folder, { recursive: true });
      const server = await start(mode, folder);
      try {
        await new Promise((r) => setTimeout(r, 2_000)); // idle after the start
        figures[mode].rss.push((await server.rss()) / 2 ** 20);
        await load(server.base, 10, 2); // warm-up
        const stopProbe = probeHealth(server.base);
        const at10 = await load(server.base, 10, SECONDS);
        const at100 = await load(server.base, 100, SECONDS);
        const health = (await stopProbe()).map(([, ms]) => ms);
        figures[mode].ok10.push(at10.ok);
        figures[mode].ok100.push(at100.ok);
        figures[mode].shed100.push(at100.shed);
        figures[mode].healthP99.push(pct(health, 0.99));
        figures[mode].healthMax.push(Math.max(...health));
      } finally {
        await server.stop();
        await rm(folder, { recursive: true, force: true });
      }
    }
  }
  const median = (list: number[]) => pct(list, 0.5);
  const note = `${ROUNDS} round(s) × ${SECONDS} s, load ${loadavg()[0]!.toFixed(2)}`;
  const rows: BenchRow[] = [];
  for (const mode of ['main', 'worker'] as const) {
    const f = figures[mode];
    const label = mode === 'main' ? 'PGlite on main thread (before)' : 'PGlite on worker (after)';
    rows.push(
      { bench: 'embedded', measure: `${label}: 2xx/s at 10 conns`, value: median(f.ok10), note },
      { bench: 'embedded', measure: `${label}: 2xx/s at 100 conns`, value: median(f.ok100), note: `503s ${median(f.shed100)}` },
      { bench: 'embedded', measure: `${label}: 2xx/s ratio 100 ÷ 10`, value: median(f.ok100) / median(f.ok10), note: 'target ≥ 0.8' },
      { bench: 'embedded', measure: `${label}: /api/health p99 ms`, value: median(f.healthP99), note: `max ${Math.round(median(f.healthMax))} ms; target p99 < 100` },
      { bench: 'embedded', measure: `${label}: idle RSS MB`, value: median(f.rss), note: 'target ≤ 350' },
    );
  }
  reportRows(rows);
} finally {
  await rm(dir, { recursive: true, force: true });
}
