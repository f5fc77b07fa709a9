// Browser tests against the real app: builds web/dist once when stale (with a lock, since
// test files run in parallel), starts the app on a throwaway demo database, and drives
// Debian's Chromium through playwright-core. Every request to a host other than 127.0.0.1
// is intercepted: map tiles get a blank PNG, anything else is aborted, and all are
// recorded so a test can assert that the app needs no outside host.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { createTestApp, type TestApp } from './app';

// axe-core 4.14.1 (our devDependency) instead of the 4.13 that @axe-core/playwright 4.13.0
// bundles: newer rules (e.g. label-in-name on links) must run in every browser test. Its
// `axeSource` option is per builder; making it the default here means every
// `new AxeBuilder({ page })` in any test that uses this helper runs 4.14.1.
export const AXE_SOURCE: string = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// `script()` is the one method that picks the source (private in the typings, so reached by cast)
const axeProto = AxeBuilder.prototype as unknown as { script(this: { axeSource?: string }): string };
const bundledScript = axeProto.script;
axeProto.script = function script(this: { axeSource?: string }) {
  return this.axeSource ? bundledScript.call(this) : AXE_SOURCE;
};

/**
 * An AxeBuilder on the project's axe-core (the same as `new AxeBuilder({ page })` after this
 * module loads). Every rule runs and every violation comes back whole; only the passes and
 * the rest, which no test reads, stop at one node each (axe's `resultTypes`): building a
 * selector for every node of every passing rule took a fifth of a check (on a buurt page
 * with the map 2.2 s against 1.8 s, the same violations found).
 */
export const axeBuilder = (page: Page) => new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({ resultTypes: ['violations'] });

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check the skip path). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = new URL('../..', import.meta.url).pathname;
const DIST_INDEX = join(ROOT, 'web/dist/index.html');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

/** describe() when Chromium is installed; describe.skip with a reason otherwise — but under CI a missing browser fails. */
export function describeBrowser(name: string, fn: () => void): void {
  // A browser step on a busy two-core machine can take far longer than an API call.
  if (existsSync(CHROMIUM)) { describe(name, { timeout: 90_000 }, fn); return; }
  if (process.env.CI) {
    describe(name, () => { throw new Error(`${CHROMIUM} is missing: browser tests cannot run under CI (apt-get install chromium)`); });
    return;
  }
  console.warn(`[browser tests] skipped: ${CHROMIUM} not found (install Debian's chromium to run them)`);
  describe.skip(`${name} (skipped: ${CHROMIUM} not found)`, fn);
}

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

const isStale = () => !existsSync(DIST_INDEX)
  || statSync(DIST_INDEX).mtimeMs < Math.max(newest(join(ROOT, 'web')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);

const LOCK_STALE_MS = 120_000;

/** Resolves when `path` is gone (the builder removed its lock), or after `ms` at the latest. */
function whenRemoved(path: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), (_event, name) => { if (name === basename(path) && !existsSync(path)) done(); });
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); watcher.close(); resolve(); }
    // removed between the failed mkdir and the watch: no event would come
    if (!existsSync(path)) done();
  });
}

/** Builds web/dist if missing or older than web/ sources; one builder at a time across workers. */
export async function ensureWebBuild(): Promise<void> {
  if (!isStale()) return;
  const lock = join(tmpdir(), 'wijkweb-web-build.lock');
  for (;;) {
    try { mkdirSync(lock); break; } catch {
      // another worker builds: wait until it removes the lock (a lock left by a crashed
      // builder counts as gone once it is LOCK_STALE_MS old)
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age >= LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await whenRemoved(lock, LOCK_STALE_MS - age);
    }
  }
  try {
    if (isStale()) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
    }
  } finally { rmSync(lock, { recursive: true, force: true }); }
}

// A valid 256×256 light grey PNG, made once.
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) { c ^= byte; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export const BLANK_TILE = (() => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0); ihdr.writeUInt32BE(256, 4); ihdr[8] = 8; ihdr[9] = 0; // 8-bit greyscale
  const raw = Buffer.alloc(257 * 256, 0xee);
  for (let y = 0; y < 256; y++) raw[y * 257] = 0; // filter byte per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
})();

const isTile = (url: URL) => /\/\d+\/\d+\/\d+\.(png|jpe?g|webp)$/i.test(url.pathname) || /wmts|tile/i.test(url.hostname + url.pathname);

export interface BrowserApp {
  baseUrl: string;
  context: BrowserContext;
  testApp: TestApp;
  /** Every outside request the app tried: tiles (answered blank) and others (aborted). */
  outside: { tiles: string[]; other: string[] };
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The real app with the web build on a demo database, and Chromium that reaches only it. */
export async function startBrowserApp(options: { env?: Record<string, string> } = {}): Promise<BrowserApp> {
  await ensureWebBuild();
  mkdirSync(ARTIFACTS, { recursive: true });
  const testApp = await createTestApp({ serveWeb: true, env: options.env });
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'wijkweb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 }, locale: 'nl-NL',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const outside = { tiles: [] as string[], other: [] as string[] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (isTile(url)) { outside.tiles.push(url.href); return route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_TILE }); }
    outside.other.push(url.href);
    return route.abort('blockedbyclient');
  });
  return {
    baseUrl: address, context, testApp, outside,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await testApp.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
