// npm run build:server: compiles server/, migrations/, seeds/ and the db scripts to plain
// ESM JavaScript in dist/ (tsconfig.build.json), then makes the output loadable by Node.
//
// Why tsc plus this step rather than a bundler: tsc keeps one .js file per source, so the
// migrator still finds dist/migrations/*.js by folder at run time and every
// import.meta.url path (migrations, web build) resolves as it does from the sources; no
// dependency is added (esbuild is not one of ours), and a bundle's chunking cannot change
// what is loaded when. The sources import without extensions ("./app"), which Node's ESM
// loader refuses, so each relative specifier in the output is rewritten to the file tsc
// emitted ("./app.js", "./seeds/index.js"); a specifier that matches no emitted file fails
// the build instead of failing in production.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The build goes to a side folder and replaces dist/ only when it is complete, so a server
// running from dist/ (start:prod, or `npm start` while its background build runs) never
// finds it empty or half-written.
const final = join(root, 'dist');
const dist = join(root, 'dist.next');
// When this build started: `npm start` (scripts/start.mjs) runs dist/ only if no source changed since.
const startedAt = Date.now();
// A background build started by `npm start` holds this lock folder until it ends.
if (process.env.BUILD_SERVER_LOCK) process.on('exit', () => rmSync(process.env.BUILD_SERVER_LOCK, { recursive: true, force: true }));

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });

// Plain-JavaScript modules among the sources (the PGlite worker, started from its file) are
// not compiled by tsc: they travel as they are.
function* mjsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* mjsFiles(path);
    else if (entry.name.endsWith('.mjs')) yield path;
  }
}
for (const file of mjsFiles(join(root, 'server'))) cpSync(file, join(dist, relative(root, file)));

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

// Static imports/exports ("from './x'"), side-effect imports ("import './x'") and dynamic
// import('./x') with a literal relative specifier.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
let rewritten = 0;
const unresolved = [];
for (const file of jsFiles(dist)) {
  const source = readFileSync(file, 'utf8');
  const output = source.replace(SPECIFIER, (match, head, quote, spec) => {
    if (/\.(m?js|json)$/.test(spec)) return match;
    const base = join(dirname(file), spec);
    const target = existsSync(`${base}.js`) ? `${spec}.js`
      : existsSync(join(base, 'index.js')) ? `${spec.replace(/\/$/, '')}/index.js` : undefined;
    if (!target) { unresolved.push(`${relative(root, file)}: ${spec}`); return match; }
    rewritten++;
    return `${head}${quote}${target}${quote}`;
  });
  if (output !== source) writeFileSync(file, output);
}
if (unresolved.length) {
  console.error(`build:server: relative imports that match no compiled file:\n  ${unresolved.join('\n  ')}`);
  process.exit(1);
}

// The web app travels with the server: dist/server/web/web.routes.js serves ../../web/dist.
const web = join(root, 'web/dist');
if (!existsSync(join(web, 'index.html'))) {
  console.error('build:server: web/dist is missing; run the web build (npm run build) first.');
  process.exit(1);
}
cpSync(web, join(dist, 'web/dist'), { recursive: true });
writeFileSync(join(dist, '.built'), String(startedAt));
const files = [...jsFiles(dist)].length;
const old = join(root, 'dist.old');
rmSync(old, { recursive: true, force: true });
if (existsSync(final)) renameSync(final, old);
renameSync(dist, final);
rmSync(old, { recursive: true, force: true });
console.log(`build:server: ${files} files in dist/ (${rewritten} imports given their .js), web app copied`);
