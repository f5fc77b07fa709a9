// Liveness with a real database round trip, and the little configuration the web app needs.
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['postgres', 'pglite']) });
const Unavailable = z.object({ status: z.literal('unavailable'), database: z.enum(['postgres', 'pglite']) });
const ClientConfig = z.object({
  tiles: z.object({ url: z.string(), attribution: z.string() }),
  boundary_attribution: z.string(),
});

const HEALTH_TIMEOUT_MS = 800;

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { overload: 'exempt' }, // a load balancer must still get an answer under overload
    schema: { tags: ['meta'], summary: 'Is the app up and its database reachable?', response: { 200: Health, 503: Unavailable } },
  }, async (_request, reply) => {
    const { db, backend } = app.database;
    try {
      // Under load the pool's queue can be long: a query answered a moment ago proves the
      // database is there without waiting in that queue (health must answer within 1 s).
      if (app.database.answeredWithin(1000)) {
        return reply.header('cache-control', 'no-store').send({ status: 'ok' as const, database: backend });
      }
      await Promise.race([
        sql`select 1`.execute(db),
        // within a second either way: a caller that waits longer has already given up on us
        new Promise((_, reject) => setTimeout(() => reject(new Error('health check timed out')), HEALTH_TIMEOUT_MS).unref()),
      ]);
      return reply.header('cache-control', 'no-store').send({ status: 'ok' as const, database: backend });
    } catch {
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable' as const, database: backend });
    }
  });

  app.get('/api/config', {
    schema: { tags: ['meta'], summary: 'Settings the web app reads at start (base map tiles).', response: { 200: ClientConfig } },
  }, async () => ({
    tiles: { url: app.config.TILE_URL, attribution: app.config.TILE_ATTRIBUTION },
    boundary_attribution: 'Grenzen: Kadaster / Centraal Bureau voor de Statistiek',
  }));
};

export default healthRoutes;
