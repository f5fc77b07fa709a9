// The production path from a clean clone, exactly as the README and the Dockerfile run it:
// `npm run build` in a clone of HEAD, then an install of only the runtime dependencies
// (`npm ci --omit=dev`) beside dist/, then the `start:prod` command on PGlite (and on
// PostgreSQL when the suite runs on it). It fails when a runtime dependency sits in
// devDependencies, when dist/ misses a file the server loads, or when the server needs tsx.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { TEST_DATABASE_URL } from '../helpers/db';
import { composeAppEnvironment, dockerfileRuntime, readmeBlock, tinyCbsFiles, words } from '../helpers/install';

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
  // production refuses to start without a mail server and its public address: a real local
  // mail server stands in
  return startNode(command.argv.slice(1), { PATH: process.env.PATH!, HOME: process.env.HOME ?? work, PORT: '0', LOG_LEVEL: 'warn',
    GEOCODER_URL: 'off', SMTP_URL: smtp.url, APP_URL: 'https://wijkweb.example.nl', ...command.env, ...env });
}

async function startNode(argv: string[], env: Record<string, string>, cwd = app, user: { uid?: number; gid?: number } = {}) {
  const child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env, ...user });
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

// The image, emulated: no registry is reachable here, so `docker build` cannot run. What the
// container would run is read from the Dockerfile (runtime stage: ENV, WORKDIR, USER, CMD)
// and compose.yaml (the app's environment, defaults filled in), and run with exactly that,
// as the image's unprivileged user. Only what Docker itself provides is stood in for: the
// service names `db` and `mail` become the test's PostgreSQL and mail server, the /data
// volume and /tmp a temporary folder, and the published port 3000 a free one.
describe('the container, from the Dockerfile and compose.yaml', () => {
  const runtime = dockerfileRuntime();
  // the official node image's `node` user; root here would hide permission mistakes
  const asUser = process.getuid?.() === 0 ? { uid: 1000, gid: 1000 } : {};
  const root = join(work, 'container'); // stands in for the container's own /data and /tmp
  const inContainer = (path: string) => (path.startsWith('/data') || path.startsWith('/tmp') ? join(root, path) : path);

  beforeAll(() => {
    mkdirSync(join(root, 'data'), { recursive: true });
    mkdirSync(join(root, 'tmp'), { recursive: true });
    mkdirSync(join(root, 'home'), { recursive: true });
    chmodSync(work, 0o755); // mkdtemp's 0700 would keep the image's user out of its own /app
    if ('uid' in asUser) for (const dir of ['data', 'tmp', 'home']) execFileSync('chown', ['-R', '1000:1000', join(root, dir)]);
  });

  function containerEnv(overrides: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = { PATH: process.env.PATH!, HOME: join(root, 'home'), TMPDIR: join(root, 'tmp'), ...runtime.env, ...overrides };
    env.PORT = '0';
    if (env.DATA_DIR) env.DATA_DIR = inContainer(env.DATA_DIR);
    return env;
  }

  function runAs(argv: string[], env: Record<string, string>) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, argv.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], ...asUser });
      let stdout = ''; let stderr = '';
      child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('runs node as an unprivileged user on the embedded database in the /data volume', () => {
    expect(runtime.cmd).toEqual(['node', 'dist/server/main.js']);
    expect(runtime.user).toBe('node');
    expect(runtime.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', DATA_DIR: '/data' });
    expect(runtime.volumes).toEqual(['/data']);
  });

  it('without SMTP_URL and APP_URL (a bare `docker run`) stops at once, naming both, without a stack trace', async () => {
    const res = await runAs(runtime.cmd, containerEnv());
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines.some((l) => /SMTP_URL is not set/.test(l))).toBe(true);
    expect(lines.some((l) => /APP_URL is not set/.test(l))).toBe(true);
    expect(res.stderr).not.toMatch(/database|\n\s+at /);
  }, 60_000);

  it('starts with compose\'s environment; the README\'s commands import a gemeente, make the first admin, who signs in and invites', async () => {
    const compose = composeAppEnvironment();
    expect(compose.APP_URL).toMatch(/^https?:\/\//);
    expect(new URL(compose.SMTP_URL!).hostname).toBe('mail'); // the mail catcher service
    const env = containerEnv({ ...compose, SMTP_URL: compose.SMTP_URL!.replace(/\/\/mail:\d+/, `//${new URL(smtp.url).host}`) });
    let dropDatabase = async () => {};
    if (TEST_DATABASE_URL) {
      const name = `wijkweb_compose_${process.pid}_${randomBytes(3).toString('hex')}`;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      expect(new URL(env.DATABASE_URL!).host).toBe('db:5432'); // the db service
      env.DATABASE_URL = url.toString();
      dropDatabase = async () => { await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await client.end(); };
    } else {
      delete env.DATABASE_URL; // `docker run` with the volume: the embedded database
    }
    const host = join(work, 'host'); // the administrator's own folder, with the CBS files
    mkdirSync(join(host, 'cbs'), { recursive: true });
    for (const [name, text] of Object.entries(tinyCbsFiles())) writeFileSync(join(host, 'cbs', name), text);

    let server: Awaited<ReturnType<typeof startNode>> | undefined;
    const said: string[] = [];
    try {
      for (const line of readmeBlock('With Docker Compose')) {
        const argv = words(line);
        if (line.startsWith('docker compose up')) {
          server = await startNode(runtime.cmd.slice(1), env, app, asUser);
        } else if (argv[0] === 'docker' && argv[2] === 'cp') {
          cpSync(join(host, argv[3]!), inContainer(argv[4]!.replace(/^app:/, '')), { recursive: true });
          if ('uid' in asUser) execFileSync('chown', ['-R', '1000:1000', inContainer(argv[4]!.replace(/^app:/, ''))]);
        } else if (argv.slice(0, 4).join(' ') === 'docker compose exec app') {
          const res = await runAs(argv.slice(4).map(inContainer), env);
          said.push(`$ ${line}\n${res.stdout}${res.stderr}`);
          expect(res.code, res.stdout + res.stderr).toBe(0);
          expect(res.stderr).not.toMatch(/\n\s+at /);
        } else {
          throw new Error(`README command the container test cannot emulate: ${line}`);
        }
      }
      expect(server, 'the README block starts the app').toBeDefined();
      const output = said.join('\n');
      expect(output).toMatch(/Imported 3 features .* 3 new/);
      const link = output.match(/(https?:\/\/\S+\/welkom\?token=\S+)/)?.[1];
      expect(link, output).toBeDefined();
      expect(link!.startsWith(`${compose.APP_URL!.replace(/\/$/, '')}/welkom?token=`)).toBe(true);

      // the admin follows the link (served by this app; APP_URL is where a browser reaches it)
      const base = server!.address;
      const headers = { 'content-type': 'application/json', origin: base };
      const accepted = await fetch(`${base}/api/auth/invitations/accept`, { method: 'POST', headers,
        body: JSON.stringify({ token: new URL(link!).searchParams.get('token'), password: 'zeven blauwe giraffen eten taart' }) });
      expect(accepted.status, await accepted.clone().text()).toBe(200);
      expect(((await accepted.json()) as { account: { role: string } }).account.role).toBe('admin');
      const signIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers,
        body: JSON.stringify({ email: 'beheer@gemeente.nl', password: 'zeven blauwe giraffen eten taart' }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const areas = (await (await fetch(`${base}/api/areas?kind=buurt`)).json()) as { items: { code: string }[] };
      expect(areas.items.map((a) => a.code)).toContain('BU99010101');

      const invite = await fetch(`${base}/api/auth/invitations`, { method: 'POST', headers: { ...headers, cookie },
        body: JSON.stringify({ email: 'eerste@gemeente.nl', role: 'professional' }) });
      expect(invite.status).toBe(202);
      const mail = await smtp.waitFor('eerste@gemeente.nl', 20_000);
      expect(mail.link!.startsWith(`${compose.APP_URL!.replace(/\/$/, '')}/welkom?token=`)).toBe(true);
      console.log(said.join('\n')); // the closing note of issue 21 lists what these printed
    } finally {
      server?.stop();
      if (server) expect(await server.exited).toBe(0);
      await dropDatabase();
    }
  }, 240_000);
});
