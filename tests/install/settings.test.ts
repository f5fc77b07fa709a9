// Every wrong or missing setting stops the start with one line per setting that names it and
// the fix: no stack trace, and never blamed on the database. The server itself is started
// (tsx server/main.ts) with the bad settings, as an operator would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, loadStartableConfig, SettingsError } from '../../server/config';
import { ROOT } from '../helpers/install';

const work = mkdtempSync(join(tmpdir(), 'wijkweb-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts the server; resolves when it exits, or once it says it runs (then stops it). */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, PORT: '0', GEOCODER_URL: 'off', LOG_LEVEL: 'warn', DATA_DIR: join(work, 'data'), ...env },
  });
  let stdout = ''; let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); if (/draait op/.test(stdout)) child.kill('SIGTERM'); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const settingsLines = (stderr: string) => stderr.trim().split('\n').slice(1).map((l) => l.trim());

describe('settings', () => {
  it('name the setting, what was given and the fix, one line each', () => {
    const error = (() => { try { loadConfig({ LOG_LEVEL: 'loud', PORT: 'eighty' }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).lines).toEqual([
      'Setting PORT="eighty" is not valid: use a port number from 0 to 65535, e.g. 3000.',
      'Setting LOG_LEVEL="loud" is not valid: use one of fatal, error, warn, info, debug, trace, silent.',
    ]);
  });

  it('production requires SMTP_URL and APP_URL and refuses SEED_DEMO=auto; development does not', () => {
    expect(() => loadStartableConfig({})).not.toThrow();
    expect(loadStartableConfig({ HOST: '0.0.0.0', PORT: '8080' }).APP_URL).toBe('http://127.0.0.1:8080'); // where it is served
    const lines = (() => { try { loadStartableConfig({ NODE_ENV: 'production', SEED_DEMO: 'auto' }); } catch (e) { return (e as SettingsError).lines; } })();
    expect(lines?.map((l) => l.split(/[ =]/)[0])).toEqual(['SEED_DEMO', 'SMTP_URL', 'APP_URL']);
    expect(loadStartableConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', APP_URL: 'https://wijkweb.example.nl' }).APP_URL)
      .toBe('https://wijkweb.example.nl');
  });
});

describe('a start with a wrong setting', { timeout: 120_000 }, () => {
  it.each([
    ['a bad LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^Setting LOG_LEVEL="loud" is not valid: use one of fatal/],
    ['a bad PORT', { PORT: '99999' }, /^Setting PORT="99999" is not valid: use a port number/],
    ['production without SMTP_URL', { NODE_ENV: 'production', APP_URL: 'https://w.example.nl' }, /^SMTP_URL is not set: .* Set SMTP_URL/],
    ['production without APP_URL', { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' }, /^APP_URL is not set: .* Set APP_URL/],
    ['SEED_DEMO=auto in production', { NODE_ENV: 'production', SEED_DEMO: 'auto', SMTP_URL: 'smtp://127.0.0.1:9', APP_URL: 'https://w.example.nl' }, /^SEED_DEMO=auto is not allowed/],
    ['a DATA_DIR that cannot be a folder', { DATA_DIR: join(ROOT, 'package.json', 'data') }, /^DATA_DIR=".*package.json\/data" cannot be used \(ENOTDIR/],
  ])('%s stops with one line naming it, no stack trace, not "database"', async (_name, env, line) => {
    const res = await start(env as Record<string, string>);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Wijkweb did not start; fix these settings:\n/);
    expect(settingsLines(res.stderr)).toHaveLength(1);
    expect(settingsLines(res.stderr)[0]).toMatch(line);
    expect(res.stderr).not.toMatch(/\n\s+at |could not open its database/);
  });

  it('the start line says /docs is off when it is', async () => {
    const res = await start({ API_DOCS: 'off', SEED_DEMO: 'never' });
    expect(res.stdout).toMatch(/draait op http:\/\/\S+ .*API-documentatie: uit \(API_DOCS=on zet haar aan\)/);
    expect(res.stdout).not.toMatch(/\/docs\b/);
  });
});
