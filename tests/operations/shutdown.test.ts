// Graceful shutdown: a request in flight when SIGTERM arrives still gets its answer,
// new connections are refused, the database is closed, and the process exits 0.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installGracefulShutdown } from '../../server/lifecycle';
import { createTestApp } from '../helpers/app';

const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

describe('graceful shutdown', () => {
  it('finishes the request in flight, then closes the database', async () => {
    // a slowed-down real route stands in for a long query (the grace period is generous:
    // closing a throwaway PostgreSQL test database also drops it, slow on a loaded machine)
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => { arrived = resolve; });
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => { finish = resolve; });
    const t = await createTestApp({
      seed: false,
      beforeReady: (app) => {
        app.addHook('preHandler', async (request) => {
          if (request.url !== '/api/health?slow') return;
          arrived();
          await finishing; // held until the shutdown has begun
        });
      },
    });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const exits: number[] = [];
    const shutdown = installGracefulShutdown(t.app, t.database, { graceMs: 20_000, exit: (c) => exits.push(c), signals: [] });
    const inFlight = fetch(`${address}/api/health?slow`);
    await inHandler; // the request is being handled when the signal comes
    const closing = shutdown('SIGTERM');
    await expect.poll(() => t.app.server.listening).toBe(false); // no new connections now
    finish();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    await closing;
    expect(exits).toEqual([0]);
    await expect(fetch(`${address}/api/health`)).rejects.toThrow();
  }, 30_000);
});

describe('the real process', () => {
  it('starts, answers, and exits 0 on SIGTERM, releasing its data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wijkweb-main-'));
    dirs.push(dataDir);
    // The process runs on its own embedded database here; the in-process test above covers both backends.
    const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'never' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 150_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/draait op (http:\/\/[^\s]+)/);
        if (match) { clearTimeout(timer); resolve(match[1]!); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const health = await fetch(`${address}/api/health`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await readdir(dataDir)).not.toContain('wijkweb.lock');
    expect(await readdir(dataDir)).not.toContain('wijkweb.lock.d'); // the lock is released, not left to go stale
  }, 180_000);
});
