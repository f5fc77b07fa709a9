// The real app on a throwaway database of the backend under test, demo wijk loaded.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/database';
import { createSeededDatabase, createTestDatabase } from './db';

export interface TestApp { app: FastifyInstance; database: Database; close(): Promise<void> }

export interface TestAppOptions {
  seed?: boolean;
  serveWeb?: boolean;
  env?: Record<string, string>;
  /** Runs after the features are registered and before the app is ready (extra hooks, plugins). */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.seed === false ? await createTestDatabase() : await createSeededDatabase();
  const config = loadConfig({ ...options.env, GEOCODER_URL: options.env?.GEOCODER_URL ?? 'http://127.0.0.1:9/unreachable' });
  const app = await buildApp({ config, database, serveWeb: options.serveWeb ?? false });
  await options.beforeReady?.(app);
  await app.ready();
  return { app, database, close: async () => { await app.close(); await database.close(); } };
}

/** GET a JSON path with app.inject; returns status, headers and parsed body. */
export async function getJson<T = any>(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  let body: T;
  try { body = res.json() as T; } catch { body = res.body as T; }
  return { status: res.statusCode, headers: res.headers, body, raw: res.body };
}
