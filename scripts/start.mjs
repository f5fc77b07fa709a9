// `npm start`: runs the compiled server in dist/ when it is up to date with the sources
// (plain Node, no TypeScript to translate on every start: warm start to healthy well under
// 2 s), else the sources through tsx. A stale or missing dist/ is then rebuilt in the
// background, at low priority, for the next start, the way ensure-web-build.mjs reuses the
// web build. WIJKWEB_START=tsx always runs the sources (and builds nothing).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureWebBuild } from './ensure-web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const STAMP = join(root, 'dist/.built'); // written by build-server.mjs: when its build started (ms)
const LOCK = join(root, 'dist.building');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

/** The newest change to anything the compiled server is made of. */
function sourcesChangedAt() {
  const scripts = join(root, 'scripts');
  return Math.max(
    ...['server', 'migrations', 'seeds', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'web/dist/index.html']
      .map((p) => newest(join(root, p))),
    ...readdirSync(scripts).filter((f) => f.endsWith('.ts') || f === 'build-server.mjs').map((f) => statSync(join(scripts, f)).mtimeMs),
  );
}

function builtAt() {
  try { return Number(readFileSync(STAMP, 'utf8')) || 0; } catch { return 0; }
}

/** Compiles dist/ in a detached, low-priority process; one at a time (a lock folder). */
function buildInBackground() {
  try {
    mkdirSync(LOCK);
  } catch {
    // someone else builds; a lock older than 10 minutes is a crashed build's
    if (Date.now() - statSync(LOCK).mtimeMs < 600_000) return;
  }
  const child = spawn('nice', ['-n', '15', process.execPath, join(root, 'scripts/build-server.mjs')], {
    cwd: root, detached: true, stdio: 'ignore', env: { ...process.env, BUILD_SERVER_LOCK: LOCK },
  });
  child.on('error', () => rmSync(LOCK, { recursive: true, force: true }));
  child.unref();
}

ensureWebBuild(); // one process for both checks: a node start less before the server's

const mode = process.env.WIJKWEB_START;
const fresh = mode !== 'tsx' && existsSync(join(root, 'dist/server/main.js')) && builtAt() >= sourcesChangedAt();
if (fresh) {
  await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
} else {
  if (mode !== 'tsx') buildInBackground();
  await import('tsx');
  await import(pathToFileURL(join(root, 'server/main.ts')).href);
}
