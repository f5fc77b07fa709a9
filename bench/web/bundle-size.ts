// Initial-load size of the built web app: the JS and CSS that index.html pulls in
// (entry script, modulepreloads, stylesheets), gzipped; lazy chunks listed apart.
// Run: npx vite build && npx tsx bench/web/bundle-size.ts  (budget: 70 KiB JS, 10 KiB CSS)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../../web/dist/', import.meta.url).pathname;
const BUDGET = { js: 70 * 1024, css: 10 * 1024 };

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('web/dist/index.html missing: run `npx vite build` first');
  process.exit(1);
}
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = new Set<string>();
for (const m of html.matchAll(/<(?:script[^>]*src|link[^>]*href)="\/?([^"]+\.(?:js|css))"/g)) initial.add(m[1]!);

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

let js = 0, css = 0;
const rows: string[] = [];
for (const file of initial) {
  const size = gz(file);
  if (file.endsWith('.js')) js += size; else css += size;
  rows.push(`  initial  ${kib(size).padStart(10)}  ${file}`);
}
for (const file of readdirSync(join(DIST, 'assets')).map((f) => `assets/${f}`)) {
  if (initial.has(file) || !/\.(js|css)$/.test(file)) continue;
  rows.push(`  lazy     ${kib(gz(file)).padStart(10)}  ${file}`);
}
console.log(rows.join('\n'));
console.log(`\ninitial JS  ${kib(js)} gzipped (budget ${kib(BUDGET.js)})${js > BUDGET.js ? '  OVER BUDGET' : ''}`);
console.log(`initial CSS ${kib(css)} gzipped (budget ${kib(BUDGET.css)})${css > BUDGET.css ? '  OVER BUDGET' : ''}`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ initial_js_gzip: js, initial_css_gzip: css }));
process.exitCode = js > BUDGET.js || css > BUDGET.css ? 1 : 0;
