// Configuration from the environment, and the data-folder lock that keeps a second
// Wijkweb process off an embedded database in use (PGlite itself does not lock), with real
// child processes: a live one keeps others out, a kill -9'd one does not block a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { acquireDirLock, DataDirLockedError } from '../../server/db/dir-lock';

const ROOT = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = async () => { const d = await mkdtemp(join(tmpdir(), 'wijkweb-lock-')); dirs.push(d); return d; };
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('configuration', () => {
  it('has working defaults and reads the environment', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', SEED_DEMO: 'auto' });
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@h/db' });
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined(); // empty means unset
  });

  it('turns the geocoder off with an empty value or "off"', () => {
    expect(loadConfig({}).GEOCODER_URL).toMatch(/^https:\/\//);
    expect(loadConfig({ GEOCODER_URL: 'off' }).GEOCODER_URL).toBe('');
    expect(loadConfig({ GEOCODER_URL: '' }).GEOCODER_URL).toBe('');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'sometimes' })).toThrow(/SEED_DEMO/);
  });
});

/** A real second process that takes the lock on `dir`; resolves once it holds it (or was refused). */
function lockInChild(dir: string, staleMs: number): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/fixtures/hold-dir-lock.ts'), dir, String(staleMs)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => { out += d; if (out.includes('\n')) resolve({ child, said: out.trim() }); });
    child.on('exit', () => resolve({ child, said: out.trim() }));
    child.on('error', reject);
  });
}
const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.on('exit', r)));

describe('the data folder lock', { timeout: 60_000 }, () => {
  it('keeps a second taker out while the first holds it, and is released', async () => {
    const dir = await tempDir();
    const first = await acquireDirLock(dir, { staleMs: 2000, waitMs: 0 });
    await expect(acquireDirLock(dir, { staleMs: 2000, waitMs: 0 })).rejects.toBeInstanceOf(DataDirLockedError); // even from this process
    await first.release();
    await first.release(); // twice is harmless
    const again = await acquireDirLock(dir, { staleMs: 2000, waitMs: 0 });
    await again.release();
  });

  it('refuses a second live process, naming the owner', async () => {
    const dir = await tempDir();
    const { child, said } = await lockInChild(dir, 2000);
    expect(said).toBe('locked');
    // the child keeps its heartbeat going: waiting longer than the stale period changes nothing
    const error = await acquireDirLock(dir, { staleMs: 2000, waitMs: 3000 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`pid ${child.pid}`);
    // and a second child is refused as well
    const second = await lockInChild(dir, 2000);
    expect(second.said).toMatch(/^refused: .*in use by another Wijkweb process/);
    child.kill('SIGTERM');
    await exited(child);
  });

  it('lets a new start in after the owner was killed with kill -9, whatever its pid', async () => {
    const dir = await tempDir();
    const { child, said } = await lockInChild(dir, 2000);
    expect(said).toBe('locked');
    child.kill('SIGKILL'); // no exit handler runs: the lock folder stays behind
    await exited(child);
    expect(existsSync(join(dir, 'wijkweb.lock.d'))).toBe(true);
    // what a restarted container sees: an owner file naming *our* pid (PID 1 again)
    await writeFile(join(dir, 'wijkweb.lock.owner'), JSON.stringify({ pid: process.pid, host: 'same' }));
    const started = Date.now();
    const lock = await acquireDirLock(dir, { staleMs: 2000 }); // waits for the heartbeat to go stale
    expect(Date.now() - started).toBeLessThan(6000);
    expect(JSON.parse(await readFile(join(dir, 'wijkweb.lock.owner'), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(join(dir, 'wijkweb.lock.d'))).toBe(false);
  });

  it('treats a half-written or leftover lock as stale once its heartbeat is old, never while fresh', async () => {
    const dir = await tempDir();
    // a lock folder with no owner file (its maker died right after mkdir) and an old
    // version's empty pid file: both are taken over once the heartbeat is older than stale
    await mkdir(join(dir, 'wijkweb.lock.d'));
    await writeFile(join(dir, 'wijkweb.lock'), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'wijkweb.lock.d'), old, old);
    const lock = await acquireDirLock(dir, { staleMs: 2000, waitMs: 0 });
    expect(existsSync(join(dir, 'wijkweb.lock'))).toBe(false);
    await lock.release();
    // a fresh one (someone is starting right now) is respected, not stolen
    await mkdir(join(dir, 'wijkweb.lock.d'));
    await expect(acquireDirLock(dir, { staleMs: 2000, waitMs: 0 })).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
