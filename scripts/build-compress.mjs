// npm run build:web, last step: writes .br and .gz beside every compressible file of the
// web build, at the highest levels (done once here, not per request), so the server hands
// them out as they are (@fastify/static preCompressed) and only compresses JSON on the fly.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = resolve(root, process.argv[2] ?? 'web/dist');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;
const MIN_BYTES = 1024; // below this the headers cost more than the saving

function* files(path) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= MIN_BYTES) yield full;
  }
}

const report = [];
for (const file of files(dir)) {
  const data = readFileSync(file);
  const br = brotliCompressSync(data, { params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  } });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  report.push(`${relative(dir, file)}: ${data.length} B, gzip ${gz.length} B (${pct(gz, data)}), br ${br.length} B (${pct(br, data)})`);
}
function pct(small, big) { return `${Math.round((small.length / big.length) * 100)}%`; }
console.log(`build:compress: precompressed ${report.length} files\n  ${report.join('\n  ')}`);
