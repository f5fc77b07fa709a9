// The real app on a throwaway database of the backend under test, demo wijk loaded.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/database';
import { createSeededDatabase, createTestDatabase } from './db';

export interface TestApp { app: FastifyInstance; database: Database; close(): Promise<void> }

export interface TestAppOptions {
  seed?: boolean;
  /** On PGlite: the database on its worker thread, as the server runs it (see helpers/db.ts). */
  pgliteThread?: boolean;
  serveWeb?: boolean;
  env?: Record<string, string>;
  logger?: FastifyServerOptions['logger'];
  /** Runs after the features are registered and before the app is ready (extra hooks, plugins). */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

/** The real app on a database the caller owns (several apps may share one). */
export async function buildTestApp(database: Database, options: Omit<TestAppOptions, 'seed'> = {}): Promise<FastifyInstance> {
  // No test reaches the real geocoder: unless a test passes its own fake, the address
  // service is a closed local port.
  const config = loadConfig({ ...options.env, GEOCODER_URL: options.env?.GEOCODER_URL ?? 'http://127.0.0.1:9/unreachable' });
  const app = await buildApp({ config, database, serveWeb: options.serveWeb ?? false, logger: options.logger ?? false });
  await options.beforeReady?.(app);
  await app.ready();
  return app;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.seed === false ? await createTestDatabase({ thread: options.pgliteThread }) : await createSeededDatabase({ thread: options.pgliteThread });
  const app = await buildTestApp(database, options);
  return { app, database, close: async () => { await app.close(); await database.close(); } };
}

/** GET a JSON path with app.inject; returns status, headers and parsed body. */
export async function getJson<T = any>(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  let body: T;
  try { body = res.json() as T; } catch { body = res.body as T; }
  return { status: res.statusCode, headers: res.headers, body, raw: res.body };
}
