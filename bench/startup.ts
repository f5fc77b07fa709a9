// Time from `npm start` to the first 200 on /api/health: a first run on an empty data
// folder (migrations + demo seeding) and a warm second run on the same folder.
// Usage: npx tsx bench/startup.ts
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function timeStart(dataDir: string, port: number): Promise<number> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { env, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - started;
      } catch { /* not listening yet */ }
      if (performance.now() - started > 120_000) throw new Error('no 200 within 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

const dir = await mkdtemp(join(tmpdir(), 'wijkweb-startup-'));
try {
  const first = await timeStart(dir, 3901);
  const warm = await timeStart(dir, 3902);
  console.log(`npm start → 200 on /api/health: first run (migrate + seed) ${(first / 1000).toFixed(2)} s, warm run ${(warm / 1000).toFixed(2)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
