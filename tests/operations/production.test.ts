// The production path from a clean clone, exactly as the README and the Dockerfile run it:
// `npm run build` in a clone of HEAD, then an install of only the runtime dependencies
// (`npm ci --omit=dev`) beside dist/, then the `start:prod` command on PGlite (and on
// PostgreSQL when the suite runs on it). It fails when a runtime dependency sits in
// devDependencies, when dist/ misses a file the server loads, or when the server needs tsx.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { TEST_DATABASE_URL } from '../helpers/db';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'wijkweb-prod-'));
const clone = join(work, 'clone');
const app = join(work, 'app'); // what a production host or the image's last stage holds
const npm = (cwd: string, args: string[]) => execFileSync('npm', args, { cwd, stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error' } }).toString();

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  // HEAD as committed, not the working tree: what a deploy would get.
  execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${ROOT}`, clone], { stdio: 'pipe' });
  // The build needs the dev dependencies (vite, typescript). They are the locked ones CI's own
  // `npm ci` installed; linking them saves a second full install. The honest part, the
  // production install below, gets nothing from here.
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  npm(clone, ['run', 'build']);
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(clone, file), join(app, file));
  cpSync(join(clone, 'dist'), join(app, 'dist'), { recursive: true });
  npm(app, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
}, 300_000); // ~40 s of CPU; generous for a loaded machine
afterAll(async () => { rmSync(work, { recursive: true, force: true }); await smtp?.close(); });

// `npm run start:prod` is "NAME=value … node dist/server/main.js". It is run here as the
// Docker image runs it, node itself taking the signals (npm in between would answer SIGTERM
// by dying of it, hiding the server's own exit code).
function startProdCommand() {
  const script = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).scripts['start:prod'] as string;
  const words = script.split(/\s+/);
  const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=') as [string, string]));
  const argv = words.filter((w) => !/^[A-Z_]+=/.test(w));
  return { env, argv };
}

async function startProd(env: Record<string, string>) {
  const command = startProdCommand();
  expect(command.argv).toEqual(['node', 'dist/server/main.js']);
  expect(command.env).toEqual({ NODE_ENV: 'production' });
  const child = spawn(process.execPath, command.argv.slice(1), {
    cwd: app, stdio: ['ignore', 'pipe', 'pipe'],
    // production refuses to start without a mail server: a real local one stands in
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, PORT: '0', LOG_LEVEL: 'warn', GEOCODER_URL: 'off', SMTP_URL: smtp.url, ...command.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/draait op (http:\/\/[^\s]+)/);
      if (match) { clearInterval(timer); resolve(match[1]!); }
    }, 50);
    void exited.then((code) => { clearInterval(timer); reject(new Error(`start:prod exited ${code}:\n${output}`)); });
  });
  return { address, exited, output: () => output, stop: () => child.kill('SIGTERM') };
}

async function checkServes(address: string, expectDemo: boolean) {
  const ready = await fetch(`${address}/api/health/ready`);
  expect(ready.status).toBe(200);
  const topics = (await (await fetch(`${address}/api/topics`)).json()) as { items: unknown[] };
  expect(topics.items.length).toBeGreaterThan(10); // the reference taxonomy loads on every start
  const teams = (await (await fetch(`${address}/api/teams`)).json()) as { items: unknown[] };
  expect(teams.items.length > 0).toBe(expectDemo);
  // the API documentation is off in production unless API_DOCS=on
  expect((await fetch(`${address}/docs/json`)).status).toBe(404);

  const index = await fetch(`${address}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const html = await index.text();
  const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
  expect(asset).toBeDefined();
  // fetch() would decode the body and hide the encoding; ask as a browser would, raw.
  const res = await rawGet(`${address}${asset}`, { 'accept-encoding': 'br, gzip' });
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe('br');
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
}

async function rawGet(url: string, headers: Record<string, string>) {
  const http = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    http.get(url, { headers }, (res) => { res.resume(); res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers })); }).on('error', reject);
  });
}

describe('production install from a clean clone', () => {
  it('holds only what runs: compiled server, migrations, web build with .br/.gz; no tsx, vite or typescript', () => {
    expect(existsSync(join(app, 'dist/server/main.js'))).toBe(true);
    expect(readdirSync(join(app, 'dist/migrations')).filter((f) => f.endsWith('.js')).length)
      .toBe(readdirSync(join(ROOT, 'migrations')).filter((f) => f.endsWith('.ts')).length);
    const assets = readdirSync(join(app, 'dist/web/dist/assets'));
    expect(assets.some((f) => f.endsWith('.js.br'))).toBe(true);
    expect(assets.some((f) => f.endsWith('.js.gz'))).toBe(true);
    for (const dev of ['tsx', 'vite', 'typescript', 'vitest']) expect(existsSync(join(app, 'node_modules', dev))).toBe(false);
  });

  it('runs on the embedded database: ready, API, web app; no demo data in production; exits 0 on SIGTERM', async () => {
    const dataDir = join(work, 'data');
    const server = await startProd({ DATA_DIR: dataDir });
    try {
      await checkServes(server.address, false);
    } finally { server.stop(); }
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'wijkweb.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'wijkweb.lock.d'))).toBe(false);
  }, 120_000);

  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl) {
    it('runs on PostgreSQL without the demo, refuses the demo in production, exits 0 on SIGTERM', async () => {
      const name = `wijkweb_prod_${process.pid}_${randomBytes(3).toString('hex')}`;
      const admin = async (text: string) => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        try { await client.query(text); } finally { await client.end(); }
      };
      await admin(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        // the demo accounts share a published password: asking for them stops the start
        await expect(startProd({ DATABASE_URL: url.toString(), SEED_DEMO: 'auto' })).rejects.toThrow(/SEED_DEMO=auto is not allowed/);
        const server = await startProd({ DATABASE_URL: url.toString() });
        try {
          await checkServes(server.address, false);
        } finally { server.stop(); }
        expect(await server.exited).toBe(0);
      } finally { await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }
    }, 120_000);
  }
});
