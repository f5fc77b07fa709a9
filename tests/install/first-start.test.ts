// `npm start` on nothing: the server (tsx server/main.ts, as an operator starts it) finds a new
// data folder, or one without teams, and the demo wijk is loaded by `wijkweb db:seed` in a
// process of its own, its progress in the server's output, before the server listens. The
// server then serves the demo, and its demo accounts sign in. (Why a process of its own: the
// server's memory after a first start; bench/startup.ts measures it.)
// On the embedded database, the one `npm start` uses, in whichever run (vitest.config.ts lists
// it among the backend-free files): its folder is the case with paths of its own (a new folder
// created by the child, an existing one let go of and opened again). PostgreSQL's one path, an
// empty database migrated by the server and seeded by the child, is the start of
// tests/operations/instances-scale.test.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seeds/demo/accounts';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { ROOT } from '../helpers/install';

const work = mkdtempSync(join(tmpdir(), 'wijkweb-first-start-'));

/** Starts the server; resolves with its output once it listens (and is then stopped), or when it exits. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    // no DATABASE_URL: the embedded database, whatever backend the run tests
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, PORT: '0', GEOCODER_URL: 'off', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = ''; let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<{ address: string; stdout: string; stderr: string; stop: () => Promise<unknown> }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const address = /draait op (http:\/\/\S+)/.exec(stdout)?.[1];
      if (address) resolve({ address, stdout, stderr, stop: () => { child.kill('SIGTERM'); return exited; } });
    });
    void exited.then((code) => reject(new Error(`server exited ${code}: ${stdout}${stderr}`)));
  });
}

async function servesTheDemo(address: string) {
  const teams = await (await fetch(`${address}/api/teams?per_page=100`)).json() as { items: { name: string }[] };
  expect(teams.items.length).toBeGreaterThan(20);
  const login = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'professional@wijkweb.demo', password: DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a first start on the embedded database', { timeout: 120_000 }, () => {
  it('loads the demo wijk in a process of its own, says how far it is, and then serves it', async () => {
    const server = await start({ DATA_DIR: join(work, 'new') });
    try {
      const said = server.stdout.split('\n');
      const announced = said.findIndex((l) => /loading the demo wijk \(in a process of its own\)/.test(l));
      const loaded = said.findIndex((l) => /^ {2}Demo wijk loaded \(pglite\)\.$/.test(l));
      const listening = said.findIndex((l) => /draait op/.test(l));
      expect(announced).toBeGreaterThanOrEqual(0);
      expect(said.slice(announced, loaded).some((l) => /^ {2}teams \d+\/\d+ \(\d+ new\)$/.test(l))).toBe(true);
      expect(loaded).toBeGreaterThan(announced);
      expect(listening).toBeGreaterThan(loaded);
      expect(server.stderr).toBe('');
      await servesTheDemo(server.address);
    } finally { await server.stop(); }
  });

  it('loads it into an existing directory without teams', async () => {
    // The directory as an installation that started without the demo leaves it: its schema, no teams.
    const store = { DATA_DIR: join(work, 'empty') };
    const bare = await createDatabase({ dataDir: store.DATA_DIR });
    try { await migrateToLatest(bare.db); } finally { await bare.close(); }
    const seeded = await start(store);
    try {
      expect(seeded.stdout).toMatch(/^empty directory: loading the demo wijk \(in a process of its own\)$/m);
      expect(seeded.stdout).toMatch(/^ {2}Demo wijk loaded/m);
      await servesTheDemo(seeded.address);
    } finally { await seeded.stop(); }
  });
});
