// Graceful shutdown: on SIGTERM/SIGINT stop accepting, let in-flight requests finish,
// close the pool (and PGlite with its folder lock), then exit. A stuck request cannot
// hold the process past the grace period.
import type { FastifyInstance } from 'fastify';
import type { Database } from './db/database';

interface ShutdownOptions {
  graceMs: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export function installGracefulShutdown(app: FastifyInstance, database: Database, options: ShutdownOptions) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => (closing ??= (async () => {
    app.log.info(`${signal}: finishing in-flight requests, then closing`);
    const force = setTimeout(() => { app.log.error('grace period over, exiting'); exit(1); }, options.graceMs);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await database.close();
      clearTimeout(force);
      exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while closing');
      exit(1);
    }
  })());
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, () => void shutdown(signal));
  return shutdown;
}
