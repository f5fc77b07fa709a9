// What the request log may hold. A resident's search text or address must never be
// logged beside their IP, so the logged URL drops the query string and no IP is logged.
import type { FastifyServerOptions } from 'fastify';

export const logRedaction = {
  serializers: {
    req(request: { method: string; url: string; routeOptions?: { url?: string } }) {
      return { method: request.method, url: request.url.split('?')[0], route: request.routeOptions?.url };
    },
  },
  redact: ['req.headers.cookie', 'req.headers.authorization'],
} satisfies Partial<Exclude<FastifyServerOptions['logger'], boolean | undefined>>;
