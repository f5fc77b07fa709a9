// Before `npm start` (scripts/start.mjs calls it, in its own process): build the web app
// when web/dist is missing or older than its sources, so a fresh clone needs only
// `npm install && npm start`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/** Builds web/dist when it is missing or older than its sources; returns at once when current. */
export function ensureWebBuild() {
  if (!existsSync(join(root, 'web/index.html'))) return;
  const sources = Math.max(newest(join(root, 'web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('Building the web app (once; takes a few seconds)…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  // The same .br/.gz the production build writes, so `npm start` serves what production does.
  execFileSync(process.execPath, [join(root, 'scripts/build-compress.mjs')], { cwd: root, stdio: 'ignore' });
}

// Run as a script (the bench does): build if needed. `npm start` imports it (scripts/start.mjs).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureWebBuild();
