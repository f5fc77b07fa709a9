// GET /metrics in Prometheus' text format, for a scraper inside the deployment. Registered
// only with METRICS=on (see app.ts); the README says to keep it off the public proxy.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/metrics', {
    schema: { tags: ['meta'], summary: 'Prometheus metrics (only with METRICS=on)', response: { 200: z.string().describe('Prometheus text format') } },
  }, async (_request, reply) => reply
    .type(app.metricsRegistry.contentType)
    .header('cache-control', 'no-store')
    .send(await app.metricsRegistry.metrics()));
};

export default metricsRoutes;
