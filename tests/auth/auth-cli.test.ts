// The user:create and user:reset commands, run as child processes against a database of the
// backend under test (a throwaway PostgreSQL database, or a PGlite data folder).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords';
import { createDatabase, type Database } from '../../server/db/database';
import { TEST_BACKEND, TEST_DATABASE_URL } from '../helpers/db';

const run = promisify(execFile);
const STRONG = 'zeven blauwe giraffen eten taart';
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

async function cli(script: string, ...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/wijkweb.ts', script.replace('-', ':'), ...argv], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Opens the database the CLI used (after the CLI exited: PGlite's folder is locked while open). */
async function open(): Promise<Database> {
  return env.DATABASE_URL ? createDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 }) : createDatabase({ dataDir: env.DATA_DIR! });
}
async function query<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
  const database = await open();
  try { return await fn(database.db); } finally { await database.close(); }
}

beforeAll(async () => {
  const base = { ...process.env, LOG_LEVEL: 'silent', APP_URL: 'https://wijkweb.example.nl/' } as NodeJS.ProcessEnv;
  delete base.NODE_ENV;
  if (TEST_DATABASE_URL) {
    const name = `wijkweb_cli_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    env = { ...base, DATABASE_URL: url.toString() };
    cleanup = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'wijkweb-cli-'));
    env = { ...base, DATABASE_URL: '', DATA_DIR: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
});
afterAll(async () => { await cleanup?.(); });

describe(`user CLI on ${TEST_BACKEND}`, () => {
  it('creates an admin with a password, refusing a weak one and a duplicate', async () => {
    const weak = await cli('user-create', '--email', 'root@example.nl', '--role', 'admin', '--password', 'welkom123');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/Password refused/);
    const ok = await cli('user-create', '--email', 'Root@Example.nl', '--role', 'admin', '--password', STRONG);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Created admin account Root@Example.nl/);
    expect(ok.stdout + ok.stderr).not.toContain(STRONG);
    const row = await query((db) => db.selectFrom('accounts').selectAll().where('email', '=', 'Root@Example.nl').executeTakeFirstOrThrow());
    expect(row.role).toBe('admin');
    expect(await verifyPassword(row.password_hash!, STRONG)).toBe(true);
    expect((await cli('user-create', '--email', 'root@example.nl', '--role', 'admin', '--password', STRONG)).code).toBe(1);
    expect((await cli('user-create', '--email', 'x@example.nl', '--role', 'king')).stderr).toMatch(/--role must be/);
  }, 120_000);

  it('without --password, invites: prints a one-time link and stores only its hash', async () => {
    const res = await cli('user-create', '--email', 'new@example.nl', '--role', 'professional');
    expect(res.code, res.stderr).toBe(0);
    const token = /https:\/\/wijkweb\.example\.nl\/welkom\?token=([A-Za-z0-9_-]{43})/.exec(res.stdout)?.[1];
    expect(token).toBeTruthy();
    const { account, tokens } = await query(async (db) => ({
      account: await db.selectFrom('accounts').selectAll().where('email', '=', 'new@example.nl').executeTakeFirstOrThrow(),
      tokens: await db.selectFrom('account_tokens').selectAll().execute(),
    }));
    expect(account.password_hash).toBeNull();
    expect(JSON.stringify(tokens)).not.toContain(token!);
  }, 120_000);

  it('resets: ends sessions and prints a reset link, or sets a new password', async () => {
    await query(async (db) => {
      const { id } = await db.selectFrom('accounts').select('id').where('email', '=', 'Root@Example.nl').executeTakeFirstOrThrow();
      await db.insertInto('sessions').values({ token_hash: 'x'.repeat(64), account_id: id, expires_at: new Date(Date.now() + 86400_000) }).execute();
    });
    const link = await cli('user-reset', '--email', 'root@example.nl');
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/1 session\(s\) ended/);
    expect(link.stdout).toMatch(/\/wachtwoord\?token=[A-Za-z0-9_-]{43}/);
    const set = await cli('user-reset', '--email', 'root@example.nl', '--password', 'acht paarse pinguins zingen luid');
    expect(set.code, set.stderr).toBe(0);
    const { hash, audit } = await query(async (db) => ({
      hash: (await db.selectFrom('accounts').select('password_hash').where('email', '=', 'Root@Example.nl').executeTakeFirstOrThrow()).password_hash,
      audit: await db.selectFrom('audit_log').select(['action', 'meta']).execute(),
    }));
    expect(await verifyPassword(hash!, 'acht paarse pinguins zingen luid')).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account_create', 'password_reset']));
    expect(JSON.stringify(audit)).not.toMatch(/pinguins|giraffen|argon2/);
    expect((await cli('user-reset', '--email', 'nobody@example.nl')).code).toBe(1);
  }, 120_000);
});
