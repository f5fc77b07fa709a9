// Prometheus metrics (METRICS=on): request count and latency per route, and the database
// pool's use. One registry per app instance, never prom-client's global one, so several
// apps in one process (tests) keep their own counts. The route label is the route pattern
// ("/api/teams/:id"), never the raw URL: ids and query strings would make unbounded series
// and could carry search text.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metricsRegistry: Registry;
  }
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

async function metricsPlugin(app: FastifyInstance) {
  const register = new Registry();
  register.setDefaultLabels({ app: 'wijkweb' });
  collectDefaultMetrics({ register });

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [register] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time to answer an HTTP request', labelNames, buckets: LATENCY_BUCKETS, registers: [register],
  });

  const pool = app.database.pool;
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [register], collect() { this.set(pool ? read() : 0); } });
  poolGauge('db_pool_connections_total', 'Connections the database pool holds', () => pool!.totalCount);
  poolGauge('db_pool_connections_idle', 'Idle connections in the database pool', () => pool!.idleCount);
  poolGauge('db_pool_requests_waiting', 'Queries waiting for a free connection', () => pool!.waitingCount);

  app.addHook('onResponse', async (request, reply) => {
    // A path no route matched gets one label, whatever was asked.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.decorate('metricsRegistry', register);
}

export default fp(metricsPlugin, { name: 'wijkweb-metrics' });
