// First map render with 50,000 markers in headless Chromium: the app's adapter (Leaflet +
// supercluster) against bare Leaflet with canvas circle markers, in the same run.
// Run: npx tsx bench/web/map-render.ts [markers=50000] [runs=5]
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const N = Number(process.argv[2] ?? 50_000);
const RUNS = Number(process.argv[3] ?? 5);
const ROOT = new URL('./pages/', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'wijkweb-bench-'));

await build({
  root: ROOT, configFile: false, logLevel: 'warn', base: './',
  build: { outDir: out, emptyOutDir: true, rollupOptions: { input: { adapter: join(ROOT, 'adapter.html'), baseline: join(ROOT, 'baseline.html') } } },
});

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  if (path.startsWith('/tiles/')) { res.writeHead(204).end(); return; } // no tiles: same for both pages
  const file = join(out, path);
  if (!file.startsWith(out) || !existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const profile = mkdtempSync(join(tmpdir(), 'wijkweb-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await context.newPage();

async function once(name: 'adapter' | 'baseline'): Promise<number> {
  await page.goto(`${base}/${name}.html`);
  await page.waitForFunction(() => 'runBench' in window);
  return page.evaluate(([n, tiles]) => (window as any).runBench(n, tiles), [N, `${base}/tiles/{z}/{x}/{y}.png`] as const);
}

const times = { adapter: [] as number[], baseline: [] as number[] };
await once('adapter'); await once('baseline'); // warm-up: file cache, compile
for (let i = 0; i < RUNS; i++) {
  times.adapter.push(await once('adapter'));
  times.baseline.push(await once('baseline'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const a = median(times.adapter), b = median(times.baseline);
console.log(`first render of ${N.toLocaleString('en')} markers, median of ${RUNS} runs (headless Chromium, 1280×800):`);
console.log(`  wijkweb adapter (Leaflet + supercluster, divIcons): ${a.toFixed(0)} ms   runs: ${times.adapter.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  bare Leaflet canvas circleMarkers (preferCanvas):  ${b.toFixed(0)} ms   runs: ${times.baseline.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  ratio adapter / baseline: ${(a / b).toFixed(2)}`);

await context.close();
server.close();
rmSync(out, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });
