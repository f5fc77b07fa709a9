// Liveness with a real database round trip, readiness (the schema is the latest one), and
// the little configuration the web app needs.
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['postgres', 'pglite']) });
const Unavailable = z.object({ status: z.literal('unavailable'), database: z.enum(['postgres', 'pglite']) });
const Ready = z.object({ status: z.literal('ready'), database: z.enum(['postgres', 'pglite']) });
const NotReady = z.object({
  status: z.enum(['unavailable', 'migrating']), database: z.enum(['postgres', 'pglite']),
  pending_migrations: z.array(z.string()).describe('Migrations this version has and the database lacks'),
});
/** The settings the web app reads at start: asked at /api/config, or given in the page (web/web.routes.ts). */
export function clientConfig(config: { TILE_URL: string; TILE_ATTRIBUTION: string }) {
  return {
    tiles: { url: config.TILE_URL, attribution: config.TILE_ATTRIBUTION },
    boundary_attribution: 'Grenzen: Kadaster / Centraal Bureau voor de Statistiek',
  };
}

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

  // A load balancer sends traffic only to an instance whose database has every migration of
  // this version: during a rolling update a new instance waits here until the schema is in.
  app.get('/api/health/ready', {
    schema: { tags: ['meta'], summary: 'Is the database reachable and migrated to this version?', response: { 200: Ready, 503: NotReady } },
  }, async (_request, reply) => {
    const { db, backend } = app.database;
    reply.header('cache-control', 'no-store');
    try {
      const pending = await withTimeout(pendingMigrations(db), 3000);
      if (pending.length === 0) return reply.send({ status: 'ready' as const, database: backend });
      return reply.status(503).send({ status: 'migrating' as const, database: backend, pending_migrations: pending });
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: backend, pending_migrations: [] });
    }
  });

  app.get('/api/config', {
    schema: { tags: ['meta'], summary: 'Settings the web app reads at start (base map tiles).', response: { 200: ClientConfig } },
  }, async () => clientConfig(app.config));
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

export default healthRoutes;
