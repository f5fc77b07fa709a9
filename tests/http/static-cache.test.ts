// Caching and compression as a browser meets them: hashed assets are immutable and sent
// precompressed (br/gzip written at build), index.html is revalidated, JSON of 1 KB and
// more is compressed on the fly while the markers' ETag/304 keeps working.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webRoutes, { cacheControlFor, withBootData } from '../../server/web/web.routes';
import { buildTestApp } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/db/database';

const ROOT = join(import.meta.dirname, '..', '..');
let out: string;
let app: FastifyInstance;
let database: Database;
let mainJs: string;

beforeAll(async () => {
  // Its own build in a temp folder: the production steps (vite build, then precompression),
  // untouched by other test files that rebuild web/dist.
  out = await mkdtemp(join(tmpdir(), 'wijkweb-web-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-compress.mjs'), out], { cwd: ROOT, stdio: 'ignore' });
  const assets = await readdir(join(out, 'assets'));
  const js = await Promise.all(assets.filter((f) => f.endsWith('.js')).map(async (f) => ({ f, size: (await readFile(join(out, 'assets', f))).length })));
  // the entry bundle (the password dictionaries' lazy chunk is bigger but compresses less)
  mainJs = js.filter(({ f }) => f.startsWith('index-')).sort((a, b) => b.size - a.size)[0]!.f;
  database = await createSeededDatabase();
  app = await buildTestApp(database, {
    beforeReady: async (a) => { await a.register(webRoutes, { root: out, boot: async () => ({ extent: [6.1, 52.2, 6.3, 52.3], note: '</script><b>' }) }); },
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the web app', () => {
  it('revalidates index.html, at / and on deep links', async () => {
    for (const url of ['/', '/teams/een-team']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('carries the boot data in the page, and on /kaart has the map\'s code fetched beside the main script', async () => {
    const page = (await app.inject('/kaart')).body;
    const block = /<script type="application\/json" id="boot">(.*?)<\/script>/.exec(page);
    expect(JSON.parse(block![1]!)).toEqual({ extent: [6.1, 52.2, 6.3, 52.3], note: '</script><b>' });
    expect(page).not.toContain('</script><b>'); // a value cannot end the data block
    const preloads = [...page.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g)].map((m) => m[1]);
    expect(preloads.some((f) => f!.startsWith('MapView-'))).toBe(true);
    expect(preloads.some((f) => f!.startsWith('leaflet-adapter-'))).toBe(true);
    for (const f of preloads) expect((await app.inject(`/assets/${f}`)).statusCode).toBe(200);
    // the map's CSS is a stylesheet of the page, so loading the map's code does not wait for it
    const styles = [...page.matchAll(/<link rel="stylesheet" crossorigin href="\/assets\/([^"]+\.css)">/g)].map((m) => m[1]);
    expect(styles.some((f) => f!.startsWith('leaflet-adapter-'))).toBe(true);
    // other pages do not fetch the map's code
    expect((await app.inject('/')).body).not.toMatch(/MapView-/);
    // and without boot data the shell is unchanged
    expect(withBootData('<head></head>', {})).toBe('<head><script type="application/json" id="boot">{}</script></head>');
  });

  it('sends hashed assets immutable, as br, gzip or plain by Accept-Encoding', async () => {
    const file = join(out, 'assets', mainJs);
    const plain = await readFile(file);
    const url = `/assets/${mainJs}`;
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.equals(await readFile(`${file}.br`))).toBe(true); // the file made at build, not recompressed
    expect(brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.length * 0.4);

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.rawPayload).equals(plain)).toBe(true);

    const none = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(plain)).toBe(true);
  });

  it('answers an unknown asset with 404, not the app', async () => {
    const res = await app.inject('/assets/bestaat-niet-123.js');
    expect(res.statusCode).toBe(404);
  });

  it('decides cache lifetimes by path', () => {
    expect(cacheControlFor('/srv/web/dist/assets/index-abc123.js.br')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/web/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/dist/favicon.svg')).toBe('public, max-age=3600');
  });
});

describe('JSON compression', () => {
  it('compresses a large JSON answer with br and gzip, and leaves a small one alone', async () => {
    const plain = await app.inject({ url: '/api/teams?limit=50', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await app.inject({ url: '/api/teams?limit=50', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await app.inject({ url: '/api/teams?limit=50', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());

    const small = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the markers ETag and 304 when the answer is compressed', async () => {
    const first = await app.inject({ url: '/api/map/markers', headers: { 'accept-encoding': 'br' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/); // weak: the same representation whatever the encoding
    const plain = await app.inject({ url: '/api/map/markers', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.etag).toBe(etag);
    expect(JSON.parse(brotliDecompressSync(first.rawPayload).toString())).toEqual(plain.json());
    const again = await app.inject({ url: '/api/map/markers', headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });
});
