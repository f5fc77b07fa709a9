// Operator commands beside a running server. On the embedded database the server holds the
// data folder (PGlite is one process), so a command does not open it: it asks that server,
// over its private local socket, to run the command on its own database, and prints what
// the server answers. No wait for the lock, no stack trace; relative file names are the
// operator's; a command that must not run under a live server is refused, saying why.
// On PostgreSQL the command opens the database itself, beside the server, with the same result.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND, TEST_DATABASE_URL } from '../helpers/db';
import { ROOT, tinyCbsFiles } from '../helpers/install';

const work = mkdtempSync(join(tmpdir(), 'wijkweb-beside-'));
const env: Record<string, string> = { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, DATA_DIR: join(work, 'data'), PORT: '0',
  LOG_LEVEL: 'warn', SEED_DEMO: 'never', GEOCODER_URL: 'off', APP_URL: 'https://wijkweb.example.nl' };
const dbName = `wijkweb_beside_${process.pid}_${randomBytes(3).toString('hex')}`;
async function admin(text: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

function wijkweb(args: string[], cwd = ROOT) {
  // tsx by path: `--import tsx` would look for it in the operator's folder
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/wijkweb.ts'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = ''; let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

{
  describe(`commands beside a running server on ${TEST_BACKEND}`, { timeout: 120_000 }, () => {
    let server: ChildProcess;
    let exited: Promise<number | null>;
    let address: string;
    beforeAll(async () => {
      if (TEST_DATABASE_URL) {
        await admin(`CREATE DATABASE ${dbName}`);
        const url = new URL(TEST_DATABASE_URL);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
      }
      server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
      let output = '';
      server.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
      server.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
      address = await new Promise<string>((resolve, reject) => {
        server.stdout!.on('data', () => { const m = output.match(/draait op (http:\/\/\S+)/); if (m) resolve(m[1]!); });
        void exited.then((code) => reject(new Error(`server exited ${code}: ${output}`)));
      });
    }, 120_000);
    afterAll(async () => {
      if (server?.exitCode === null) { server.kill('SIGTERM'); await exited; }
      if (TEST_DATABASE_URL) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      rmSync(work, { recursive: true, force: true });
    });

    it('user:create runs inside the server: the account signs in at once', async () => {
      const res = await wijkweb(['user:create', '--email', 'beheer@gemeente.nl', '--role', 'admin', '--password', 'zeven blauwe giraffen eten taart']);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Created admin account beheer@gemeente.nl.');
      expect(res.stderr).not.toMatch(/DataDirLockedError|waiting|\n\s+at /);
      const login = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'beheer@gemeente.nl', password: 'zeven blauwe giraffen eten taart' }) });
      expect(login.status).toBe(200);
    });

    it('an import reads the operator\'s files from the folder it was run in, and the server serves the result', async () => {
      const here = join(work, 'beheerder');
      mkdirSync(here);
      for (const [name, text] of Object.entries(tinyCbsFiles())) writeFileSync(join(here, name), text);
      const res = await wijkweb(['import:areas', 'gemeente.geojson', 'wijken.geojson', 'buurten.geojson'], here);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/Imported 3 features .*3 new/);
      const areas = (await (await fetch(`${address}/api/areas?kind=buurt`)).json()) as { items: { code: string }[] };
      expect(areas.items.map((a) => a.code)).toContain('BU99010101');
    });

    it('import:hsds and export:hsds run inside the server: the import is served at once, the export gives it back whole', async () => {
      const fixture = join(ROOT, 'tests/fixtures/hsds-nl');
      const imported = await wijkweb(['import:hsds', fixture]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/services 2 new/);
      const source = JSON.parse(readFileSync(join(fixture, 'services.json'), 'utf8')).contents[1];
      expect(await (await fetch(`${address}/hsds/services/${source.id}`)).json()).toEqual(source);
      const here = join(work, 'export-map');
      mkdirSync(here);
      const exported = await wijkweb(['export:hsds', 'uit'], here);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).not.toMatch(/DataDirLockedError|waiting/);
      const services = JSON.parse(readFileSync(join(here, 'uit/services.json'), 'utf8')).contents;
      expect(services.find((s: { id: string }) => s.id === source.id)).toEqual(source);
    });

    it('a failing command says why with its exit code; stepping the embedded schema down is refused while the server runs', async () => {
      const duplicate = await wijkweb(['user:create', '--email', 'beheer@gemeente.nl', '--role', 'admin']);
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr.trim()).toBe('An account for beheer@gemeente.nl already exists (use user:reset).');
      if (TEST_BACKEND === 'pglite') {
        const down = await wijkweb(['db:migrate', 'down']);
        expect(down.code).toBe(1);
        expect(down.stderr).toMatch(/does not run beside a running server: stop it/);
      }
      expect((await fetch(`${address}/api/health/ready`)).status).toBe(200);
    });
  });
}
