// Configuration from the environment, and the data-folder lock that keeps a second
// Wijkweb process off an embedded database in use (PGlite itself does not lock).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';
import { acquireDirLock, DataDirLockedError } from '../server/db/dir-lock';

const dirs: string[] = [];
const tempDir = async () => { const d = await mkdtemp(join(tmpdir(), 'wijkweb-lock-')); dirs.push(d); return d; };
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

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

describe('the data folder lock', () => {
  it('keeps a second process out while the first runs, and is released', async () => {
    const dir = await tempDir();
    const first = await acquireDirLock(dir);
    await expect(acquireDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError); // even from this process
    await first.release();
    // another live process holds it: a running child's pid in the lock file
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, 'wijkweb.lock'), String(child.pid));
      await expect(acquireDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally { child.kill(); }
    await new Promise((r) => child.on('exit', r));
    // its owner is gone now: the stale lock is taken over
    const again = await acquireDirLock(dir);
    expect(await readFile(join(dir, 'wijkweb.lock'), 'utf8')).toBe(String(process.pid));
    await again.release();
  });
});
