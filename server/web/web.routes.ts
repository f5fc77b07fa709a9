// Serves the built web app (web/dist) and answers unknown non-API paths with index.html,
// so deep links like /teams/<id> work on reload. Without a build it says how to make one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isMachinePath } from '../http/api-paths';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export default async function webRoutes(app: FastifyInstance) {
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8')
      .send('Wijkweb API draait. De web-app is nog niet gebouwd: npm run build (of npm start).\nAPI: /docs'));
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'], maxAge: '1h',
    setHeaders: (reply, path) => { if (path.endsWith('index.html')) reply.header('cache-control', 'no-cache'); } });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isMachinePath(path) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({ error: 'not_found', message: `${path} bestaat niet.`, details: [] });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
