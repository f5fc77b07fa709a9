// The map's API traffic and time to first draw on the national set, in headless Chromium:
// the national view (/kaart as it opens), a city view and a street view, then the same
// after importing the real Hengelo boundaries. Bytes are counted per API response: raw
// (as sent by this app, uncompressed unless a compression plugin is registered), and a
// gzip estimate (what @fastify/compress would send). First draw = first boundary path AND
// first marker in the DOM, in ms since navigation start.
// Also the national first draw cold (empty browser cache) and warm, several rounds, split
// into the JS chain, the API requests after it, and drawing; with the number of API waves
// (counted with every answer held back, countWaves).
// Run: npx tsx bench/map-traffic.bench.ts [--quick] [--before=DIR] [--reuse] [--keep] [--waterfall]
//   --quick: only the national first draw (3 rounds).
//   --before=DIR also measures the app of another source tree (e.g. an extracted older
//   commit with node_modules linked and web/dist built) on the same database. Both trees'
//   builds are compressed as `npm run build:web` does (scripts/build-compress.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { importAreas } from '../server/areas/areas.import';
import { createDatabase } from '../server/db/database';
import { type ChildServers, startChild } from './lib/child';
import { adminQuery } from './lib/db';
import { prepareNational } from './lib/national';
import { reportRows, type BenchRow } from './lib/table';
import { OFFLINE_BROWSER_ARGS, startBlankTiles } from './lib/tiles';

const NAME = 'wijkweb_bench_map';
const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const BEFORE = process.argv.find((a) => a.startsWith('--before='))?.split('=')[1];
const TIMEOUT_MS = 60_000;
const SHARED = join(ROOT, '../shared/data');

const VIEWS = [
  { name: 'national', path: '/kaart' },
  { name: 'city', path: '/kaart?lat=52.09&lon=5.12&z=12' },
  { name: 'street', path: '/kaart?lat=52.0912&lon=5.1234&z=17' },
];
const HENGELO = [
  { name: 'hengelo city', path: '/kaart?lat=52.265&lon=6.79&z=13' },
  { name: 'hengelo street', path: '/kaart?lat=52.2625&lon=6.7939&z=16' },
];

interface Split { jsMs: number; apiMs: number; drawMs: number; apiWaves: number; meCalls: number }
interface Figure { view: string; requests: number; raw: number; gzip: number; firstDrawMs: number | null; split?: Split }

async function measure(context: BrowserContext, base: string, view: { name: string; path: string }): Promise<Figure> {
  // A fresh page per view: an old app still busy drawing 50,000 markers must not hold up the next.
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  const waterfall: string[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith('/api/')) return;
    // bounded: an old app's 8 MB answers must not hold the bench up forever
    bodies.push(Promise.race([r.body().catch(() => null), new Promise<null>((res) => setTimeout(() => res(null), TIMEOUT_MS))]));
    r.finished().then(() => {
      const t = r.request().timing();
      waterfall.push(`    ${u.pathname}${u.search.slice(0, 60)}: start ${Math.round(t.startTime - navStart)} ms, took ${Math.round(t.responseEnd)} ms`);
    }).catch(() => {});
  });
  const navStart = Date.now();
  await page.goto(`${base}${view.path}`, { timeout: TIMEOUT_MS }).catch(() => {});
  let firstDrawMs: number | null = null;
  let split: Split | undefined;
  try {
    await page.waitForFunction(() => document.querySelector('.leaflet-overlay-pane path') && document.querySelector('.team-marker, .cluster-marker'), null, { timeout: TIMEOUT_MS, polling: 16 });
    // The moment the page's own observer saw both (installed in newContext), not when this
    // process noticed: polling and the round trip to the page are not the app's time.
    firstDrawMs = await page.evaluate(() => (window as unknown as { __firstDraw?: number }).__firstDraw ?? performance.now());
    // The split, from the page's own resource timings (ms since navigation start): the JS
    // chain ends when the last script before the first draw arrived; the API part is what the
    // requests before the draw added after that; drawing is the rest.
    split = await page.evaluate((drawn) => {
      const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= drawn);
      const scripts = entries.filter((e) => /\.m?js(\?|$)/.test(e.name));
      const api = entries.filter((e) => new URL(e.name).pathname.startsWith('/api/'));
      const jsEnd = Math.max(0, ...scripts.map((e) => e.responseEnd));
      const apiEnd = Math.max(jsEnd, ...api.map((e) => e.responseEnd));
      // waves: the longest chain of requests each started after an answer before it had
      // arrived (meaningful in the pass with answers held back, see countWaves); an answer
      // from the browser's cache (nothing transferred) never reached the server to be held.
      const sorted = [...api].sort((a, b) => a.startTime - b.startTime);
      const wave = sorted.map(() => 1);
      sorted.forEach((e, i) => {
        for (let j = 0; j < i; j++) if (sorted[j]!.transferSize > 0 && sorted[j]!.responseEnd <= e.startTime) wave[i] = Math.max(wave[i]!, wave[j]! + 1);
      });
      const waves = Math.max(0, ...wave);
      const meCalls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname === '/api/auth/me').length;
      return { jsMs: jsEnd, apiMs: apiEnd - jsEnd, drawMs: drawn - apiEnd, apiWaves: waves, meCalls };
    }, firstDrawMs);
  } catch { /* over the limit: reported as such */ }
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS }).catch(() => {});
  const done = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null); // before closing: bodies die with the page
  await page.close({ runBeforeUnload: false }).catch(() => {});
  if (process.argv.includes('--waterfall')) console.log(`  ${view.name}:\n${waterfall.sort().join('\n')}`);
  return { view: view.name, requests: done.length, raw: done.reduce((n, b) => n + b.length, 0), gzip: done.reduce((n, b) => n + gzipSync(b).length, 0), firstDrawMs, ...(split ? { split } : {}) };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
function print(label: string, figures: Figure[]) {
  console.log(`\n${label}`);
  console.log('  view             requests  raw API bytes   gzip estimate  first draw');
  for (const f of figures) {
    console.log(`  ${f.view.padEnd(16)} ${String(f.requests).padStart(8)}  ${kib(f.raw).padStart(13)}  ${kib(f.gzip).padStart(13)}  ${f.firstDrawMs === null ? `> ${TIMEOUT_MS / 1000} s` : `${Math.round(f.firstDrawMs)} ms`}`);
  }
}

const QUICK = process.argv.includes('--quick');

// Waves of API requests before the first draw, counted in a pass of its own with every API
// answer held back WAVE_DELAY_MS: a request that waited for an earlier answer then starts at
// least that much after the first ones; one that only started a little later (the page's
// code still running) stays in their wave. With answers of a few ms the timing rounds cannot
// tell the two apart.
const WAVE_DELAY_MS = 150;
async function countWaves(server: ChildServers<{ port: number }>, newContext: () => Promise<BrowserContext>, base: string) {
  const setDelay = async (ms: number) => {
    const ack = new Promise<void>((resolve) => { server.child.once('message', () => resolve()); });
    server.child.send({ apiDelayMs: ms });
    await ack;
  };
  await setDelay(WAVE_DELAY_MS);
  try {
    const context = await newContext();
    const cold = await measure(context, base, VIEWS[0]!);
    const warm = await measure(context, base, VIEWS[0]!);
    await context.close();
    return { cold: cold.split?.apiWaves, warm: warm.split?.apiWaves };
  } finally {
    await setDelay(0);
  }
}
const rows: BenchRow[] = [];
const load = () => loadavg()[0]!.toFixed(2);

async function run(root: string, url: string, label: string, views: typeof VIEWS, coldWarm = false) {
  const tiles = await startBlankTiles();
  const server = await startChild<{ port: number }>(join(ROOT, 'bench/map-traffic.server.ts'), [root, url], { BENCH_TILE_URL: tiles.url });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_BROWSER_ARGS] });
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('.leaflet-overlay-pane path') && document.querySelector('.team-marker, .cluster-marker')) {
          (window as unknown as { __firstDraw: number }).__firstDraw = performance.now();
          watch.disconnect();
        }
      });
      watch.observe(document, { subtree: true, childList: true });
    });
    // No request interception (it delays every request, see lib/tiles.ts): tiles come from
    // the local tile server, and any other outside host resolves to nothing.
    return context;
  };
  try {
    const base = `http://127.0.0.1:${server.info.port}`;
    const context = await newContext();
    // The server's first answers (compiling writers, filling its caches) are not a browser's
    // cold start: a street view and the national view once each before anything counts.
    await measure(context, base, { name: 'warm-up', path: '/kaart?lat=52&lon=5&z=17' });
    await measure(context, base, { name: 'warm-up', path: VIEWS[0]!.path });
    const figures = [];
    if (coldWarm) {
      // The national first draw with an empty browser cache (cold), then again (warm), several rounds.
      const runs: Record<'cold' | 'warm', Figure[]> = { cold: [], warm: [] };
      for (let i = 0; i < (QUICK ? 3 : 5); i++) {
        const fresh = await newContext();
        runs.cold.push(await measure(fresh, base, VIEWS[0]!));
        runs.warm.push(await measure(fresh, base, VIEWS[0]!));
        await fresh.close();
      }
      const waves = await countWaves(server, newContext, base);
      for (const kind of ['cold', 'warm'] as const) {
        const drawn = runs[kind].filter((f) => f.firstDrawMs !== null && f.split);
        const med = (pick: (f: Figure) => number) => { const v = drawn.map(pick).sort((x, y) => x - y); return v.length ? v[Math.floor((v.length - 1) / 2)]! : NaN; };
        const min = Math.min(...drawn.map((f) => f.firstDrawMs!));
        const note = `${drawn.length}/${runs[kind].length} rounds, load ${load()}`;
        rows.push(
          { bench: 'map first draw', measure: `${label}: national ${kind}, min ms`, value: min, note },
          { bench: 'map first draw', measure: `${label}: national ${kind}, median ms`, value: med((f) => f.firstDrawMs!), note },
          { bench: 'map first draw', measure: `${label}: national ${kind} split JS / API / drawing ms`, value: `${Math.round(med((f) => f.split!.jsMs))} / ${Math.round(med((f) => f.split!.apiMs))} / ${Math.round(med((f) => f.split!.drawMs))}`, note: 'median' },
          { bench: 'map first draw', measure: `${label}: national ${kind} API waves, /api/auth/me calls`, value: `${waves[kind] ?? '?'}, ${med((f) => f.split!.meCalls)}`, note: `waves with answers held ${WAVE_DELAY_MS} ms` },
        );
      }
      figures.push(...runs.cold.slice(0, 1).map((f) => ({ ...f, view: 'national cold' })), ...runs.warm.slice(0, 1).map((f) => ({ ...f, view: 'national warm' })));
    }
    for (const v of views) figures.push(await measure(context, base, v));
    print(label, figures);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
    await tiles.close();
  }
}

await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' }); // web/dist of this tree
// and of the tree before, when it has none yet (a fresh checkout of an older commit)
// (with its own vite and config, from its folder, as its `npm run build:web` would)
if (BEFORE && !existsSync(join(BEFORE, 'web/dist/index.html'))) {
  execFileSync(process.execPath, [join(BEFORE, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: BEFORE, stdio: 'inherit' });
}
// As `npm run build:web` leaves it, for this tree and the one before: compressed at build, so
// the server sends the files as they are. Without it every script is compressed per request,
// which is no installation's first draw.
for (const root of [ROOT, ...(BEFORE ? [BEFORE] : [])]) {
  const compress = join(root, 'scripts/build-compress.mjs');
  if (existsSync(compress)) execFileSync(process.execPath, [compress], { cwd: root, stdio: 'ignore' });
}
const started = Date.now();
const url = await prepareNational(NAME);
console.log(`national set ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
try {
  await run(ROOT, url, 'after (this tree)', QUICK ? [] : VIEWS, true);
  if (BEFORE) await run(BEFORE, url, `before (${BEFORE.split('/').pop()})`, QUICK ? [] : VIEWS, true);
  if (!QUICK) {
    const files = ['hengelo-gemeente', 'hengelo-wijken', 'hengelo-buurten'].map((f) => join(SHARED, `${f}.geojson`));
    const database = await createDatabase({ databaseUrl: url, poolSize: 2 });
    try {
      await importAreas(database.db, files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
    } finally { await database.close(); }
    await run(ROOT, url, 'after, with the real Hengelo boundaries imported', [...HENGELO, VIEWS[0]!]);
    if (BEFORE) await run(BEFORE, url, 'before, with the real Hengelo boundaries imported', [...HENGELO]);
  }
  reportRows(rows);
} finally {
  if (!process.argv.includes('--keep')) await adminQuery(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}
