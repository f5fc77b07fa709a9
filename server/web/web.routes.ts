// Serves the built web app (web/dist) and answers unknown non-API paths with index.html,
// so deep links like /teams/<id> work on reload. Without a build it says how to make one.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isMachinePath } from '../http/api-paths';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** The app's shell: also the readable error page for a malformed link (http/framework-errors.ts). */
export const WEB_SHELL = `${WEB_DIST}/index.html`;

export function cacheControlFor(path: string): string {
  const file = path.replace(/\.(br|gz)$/, '');
  if (/[\\/]assets[\\/][^\\/]+$/.test(file)) return 'public, max-age=31536000, immutable';
  if (file.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * What the page needs before its first request, given in the page itself (a JSON data block,
 * which no script policy blocks since it never runs): the map's configuration and extent, so
 * the first draw of /kaart needs one wave of requests, not two (web/api/boot.ts reads it).
 */
export type BootData = () => Promise<Record<string, unknown>>;

/** `html` with the boot data as `<script type="application/json" id="boot">` in its head. */
export function withBootData(html: string, data: Record<string, unknown>): string {
  // `<` escaped: no value can end the script element early (a name holding "</script>").
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return html.replace('</head>', `<script type="application/json" id="boot">${json}</script></head>`);
}

interface WebOptions { root?: string; boot?: BootData }

// Pages whose code is a lazy chunk worth fetching with the main script: the map (Leaflet),
// the page most opened cold. Keys are the web app's source paths as Vite's manifest names them.
const LAZY_PAGES: Record<string, string> = { '/kaart': 'map-view/MapView.tsx' };

interface ManifestChunk { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }

/** Per page path, the `<link>` tags that preload its lazy chunk and the chunks it imports, and link their CSS. */
export function lazyPagePreloads(root: string, shell: string): Map<string, string> {
  const preloads = new Map<string, string>();
  let manifest: Record<string, ManifestChunk>;
  try { manifest = JSON.parse(readFileSync(`${root}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>; } catch { return preloads; }
  for (const [path, source] of Object.entries(LAZY_PAGES)) {
    // Its CSS as a stylesheet of the page: Vite's loader finds it there and goes on at once,
    // instead of holding the map's code back until the CSS it asks for itself has arrived.
    const scripts = new Set<string>(), styles = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      // the entry and what it preloads are in the page already
      if (!chunk || chunk.isEntry || scripts.has(chunk.file) || shell.includes(chunk.file)) return;
      scripts.add(chunk.file);
      for (const css of chunk.css ?? []) if (!shell.includes(css)) styles.add(css);
      for (const dep of chunk.imports ?? []) visit(dep);
    };
    visit(source);
    const links = [...[...styles].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
      ...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)];
    if (links.length) preloads.set(path, links.join(''));
  }
  return preloads;
}

export default async function webRoutes(app: FastifyInstance, { root = WEB_DIST, boot }: WebOptions = {}) {
  if (!existsSync(`${root}/index.html`)) {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8')
      .send('Wijkweb API draait. De web-app is nog niet gebouwd: npm run build (of npm start).\nAPI: /docs'));
    return;
  }
  // Vite names every file under assets/ by its content hash, so a browser may keep it for
  // good; index.html (which names the current hashes) is revalidated on every visit.
  // preCompressed: the .br/.gz written at build (scripts/build-compress.mjs) are sent as
  // they are to a browser that accepts them.
  // The shell is read once: a build swaps web/dist, never edits it under a running server.
  const shell = readFileSync(`${root}/index.html`, 'utf8');
  // Each lazy page's shell with its links, made once; per request only the boot data is added.
  const shells = new Map([...lazyPagePreloads(root, shell)].map(([path, links]) => [path, shell.replace('</head>', `${links}</head>`)]));
  const page = async (path: string) => {
    const html = shells.get(path) ?? shell;
    return boot ? withBootData(html, await boot().catch(() => ({}))) : html;
  };
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h', preCompressed: true,
    setHeaders: (reply, path) => { reply.header('cache-control', cacheControlFor(path)); } });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isMachinePath(path) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({ error: 'not_found', message: `${path} bestaat niet.`, details: [] });
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await page(path));
  });
}
