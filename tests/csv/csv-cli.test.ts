// `npm run import:csv -- KIND FILE [--dry-run]` as an operator runs it: a child process
// against a database of the backend under test (a throwaway PostgreSQL database, or a
// PGlite data folder), exit codes, errors by row and column, dry run changes nothing.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/db/database';
import { TEST_DATABASE_URL } from '../helpers/db';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wijkweb-csv-cli-'));
let env: Record<string, string>;
let dropDatabase = async () => {};

async function admin(text: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

beforeAll(async () => {
  if (TEST_DATABASE_URL) {
    const name = `wijkweb_test_cli_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    env = { DATA_DIR: join(dir, 'data') };
  }
});
afterAll(async () => { await dropDatabase(); rmSync(dir, { recursive: true, force: true }); });

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/wijkweb.ts'), 'import:csv', ...args], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'silent' }, timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function organisations() {
  const database = env.DATABASE_URL ? await createDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 }) : await createDatabase({ dataDir: env.DATA_DIR! });
  try { return await database.db.selectFrom('organisations').select(['external_id', 'name']).orderBy('external_id').execute(); } finally { await database.close(); }
}

describe('npm run import:csv', { timeout: 240_000 }, () => {
  const good = join(dir, 'organisaties.csv');
  const bad = join(dir, 'fout.csv');
  writeFileSync(good, '\uFEFFextern_id;naam;website\r\nORG-1;Stichting Welzijn Lindeburg;https://welzijn.example\r\nORG-2;Huisartsen Oost;\r\n');
  writeFileSync(bad, 'extern_id;naam;website\r\nORG-1;;https://welzijn.example\r\nORG-2;Huisartsen Oost;geen-adres\r\n');

  it('refuses a bad file, naming each row and column, and changes nothing', async () => {
    const result = await cli('organisations', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rij 2, kolom naam');
    expect(result.stderr).toContain('rij 3, kolom website');
    expect(await organisations()).toEqual([]);
  });

  it('a dry run reports what it would do and changes nothing; then applying twice is idempotent', async () => {
    const dry = await cli('organisations', good, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run 2 rows of organisations .*2 new/);
    expect(await organisations()).toEqual([]);
    const applied = await cli('organisations', good);
    expect(applied.stdout).toMatch(/Imported 2 rows .*2 new, 0 changed/);
    expect(applied.stdout).toContain('2 rijen gelezen'); // progress lines
    expect(await organisations()).toEqual([
      { external_id: 'ORG-1', name: 'Stichting Welzijn Lindeburg' }, { external_id: 'ORG-2', name: 'Huisartsen Oost' },
    ]);
    expect((await cli('organisations', good)).stdout).toMatch(/0 new, 0 changed, 2 unchanged/);
  });

  it('says how to use it when the arguments are wrong', async () => {
    const result = await cli('accounts', good);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: import:csv');
  });
});
