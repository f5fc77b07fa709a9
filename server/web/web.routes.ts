// Serves the built web app (web/dist) and answers unknown non-API paths with index.html,
// so deep links like /teams/<id> work on reload. Without a build it says how to make one.
import { existsSync } from 'node:fs';
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

export default async function webRoutes(app: FastifyInstance, { root = WEB_DIST }: { root?: string } = {}) {
  if (!existsSync(`${root}/index.html`)) {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8')
      .send('Wijkweb API draait. De web-app is nog niet gebouwd: npm run build (of npm start).\nAPI: /docs'));
    return;
  }
  // Vite names every file under assets/ by its content hash, so a browser may keep it for
  // good; index.html (which names the current hashes) is revalidated on every visit.
  // preCompressed: the .br/.gz written at build (scripts/build-compress.mjs) are sent as
  // they are to a browser that accepts them.
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: '1h', preCompressed: true,
    setHeaders: (reply, path) => { reply.header('cache-control', cacheControlFor(path)); } });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isMachinePath(path) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({ error: 'not_found', message: `${path} bestaat niet.`, details: [] });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
