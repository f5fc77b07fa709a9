// Backups of the embedded database: db:backup with the server stopped and while it runs
// (over its private socket), db:restore into an empty folder gives the same data back, and
// every unsafe case is refused with advice. PostgreSQL is pg_dump's job: the scripts say so.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { seedReference } from '../../seeds/index';
import { TEST_BACKEND } from '../helpers/db';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'wijkweb-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
const backup = (dataDir: string, file: string) => run('scripts/db-backup.ts', [file], { DATA_DIR: dataDir });
const restore = (dataDir: string, file: string, ...flags: string[]) => run('scripts/db-restore.ts', [file, ...flags], { DATA_DIR: dataDir });

async function snapshot(dataDir: string) {
  const database = await createDatabase({ dataDir });
  try {
    const areas = await database.db.selectFrom('areas').select(['code', 'name']).orderBy('code').execute();
    const topics = await database.db.selectFrom('topics').select('key').orderBy('key').execute();
    return { areas, topics: topics.map((t) => t.key) };
  } finally { await database.close(); }
}

describe('on PostgreSQL the scripts point to pg_dump', () => {
  it('db:backup and db:restore refuse with DATABASE_URL set, naming the right tool', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' };
    const b = await run('scripts/db-backup.ts', [join(work, 'x.tgz')], env);
    expect(b.code).toBe(2);
    expect(b.output).toContain('pg_dump');
    const r = await run('scripts/db-restore.ts', [join(work, 'x.tgz')], env);
    expect(r.code).toBe(2);
    expect(r.output).toContain('pg_restore');
  }, 30_000);
});

if (TEST_BACKEND === 'pglite') {
  describe('the embedded database', () => {
    const original = join(work, 'data');
    let expected: Awaited<ReturnType<typeof snapshot>>;
    let server: ChildProcess | undefined;
    let exited: Promise<number | null>;

    beforeAll(async () => {
      const database = await createDatabase({ dataDir: original });
      await migrateToLatest(database.db);
      await seedReference(database.db);
      await database.db.insertInto('areas').values([
        { code: 'GM0999', kind: 'gemeente', name: 'Backupstad', parent_code: null },
        { code: 'WK099901', kind: 'wijk', name: 'Kopiewijk', parent_code: 'GM0999' },
      ]).execute();
      await database.close();
      expected = await snapshot(original);
    }, 60_000);
    afterAll(() => { if (server?.exitCode === null) server.kill('SIGKILL'); });

    it('backs up a stopped server\'s folder', async () => {
      const res = await backup(original, join(work, 'stopped.tgz'));
      expect(res.code, res.output).toBe(0);
      expect(res.output).toContain('server stopped');
      expect(existsSync(join(original, 'wijkweb.lock'))).toBe(false);
    }, 60_000);

    it('backs up while the server runs, which keeps answering; restore into that folder is refused meanwhile', async () => {
      server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH!, DATA_DIR: original, PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'never', GEOCODER_URL: 'off' },
      });
      exited = new Promise((resolve) => server!.once('exit', (code) => resolve(code)));
      let output = '';
      server.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => { const m = output.match(/draait op (http:\/\/\S+)/); if (m) { clearInterval(timer); resolve(m[1]!); } }, 50);
        void exited.then((code) => { clearInterval(timer); reject(new Error(`server exited ${code}: ${output}`)); });
      });
      const res = await backup(original, join(work, 'running.tgz'));
      expect(res.code, res.output).toBe(0);
      expect(res.output).toContain('from the running server');
      expect((await fetch(`${address}/api/health/ready`)).status).toBe(200);

      const refused = await restore(original, join(work, 'running.tgz'), '--force');
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/in use by another Wijkweb process[\s\S]*Stop that server/);

      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }, 120_000);

    it('restores either backup into an empty folder: the same data', async () => {
      for (const file of ['stopped.tgz', 'running.tgz']) {
        const target = join(work, `restored-${file}`);
        const res = await restore(target, join(work, file));
        expect(res.code, res.output).toBe(0);
        expect(existsSync(join(target, 'wijkweb.lock'))).toBe(false);
        expect(await snapshot(target)).toEqual(expected);
      }
    }, 120_000);

    it('refuses a non-empty folder without --force; with it, moves the old folder aside', async () => {
      const target = join(work, 'restored-stopped.tgz');
      const refused = await restore(target, join(work, 'running.tgz'));
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('--force');
      const forced = await restore(target, join(work, 'running.tgz'), '--force');
      expect(forced.code, forced.output).toBe(0);
      expect(readdirSync(work).some((name) => name.startsWith('restored-stopped.tgz.before-restore-'))).toBe(true);
      expect(await snapshot(target)).toEqual(expected);
    }, 120_000);
  });
}
