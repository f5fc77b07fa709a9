// @fastify/rate-limit's store interface backed by the `rate_limits` table, so every app
// instance counts against the same fixed windows. Keys are hashed before they are stored:
// they contain IP addresses and e-mail addresses, which the table has no need to keep.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';

interface Hit { current: number; ttl: number }

const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

/** Counts one hit on `key` in a fixed window of `windowMs` starting at the first hit. */
export async function hitCounter(db: Kysely<DB>, key: string, windowMs: number, now: Date): Promise<Hit> {
  const resetAt = new Date(now.getTime() + windowMs);
  const { rows } = await sql<{ hits: number; reset_at: string }>`
    insert into rate_limits (key, hits, reset_at) values (${storedKey(key)}, 1, ${resetAt})
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end,
      reset_at = case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end
    returning hits, reset_at`.execute(db);
  const row = rows[0]!;
  if (Math.random() < 0.01) void pruneCounters(db, now).catch(() => {});
  return { current: row.hits, ttl: Math.max(0, new Date(row.reset_at).getTime() - now.getTime()) };
}

/** The count on `key` without adding to it (0 when the window is over). */
export async function readCounter(db: Kysely<DB>, key: string, now: Date): Promise<Hit> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'reset_at'])
    .where('key', '=', storedKey(key)).where('reset_at', '>', now.toISOString()).executeTakeFirst();
  return row ? { current: row.hits, ttl: new Date(row.reset_at).getTime() - now.getTime() } : { current: 0, ttl: 0 };
}

export async function resetCounter(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', storedKey(key)).execute();
}

async function pruneCounters(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', now.toISOString()).execute();
}

type Callback = (error: Error | null, result?: Hit) => void;

/** A store class for the plugin's `store` option, bound to a database and a clock. */
export function pgRateLimitStore(db: Kysely<DB>, clock: () => Date, prefix = 'rl') {
  return class PgRateLimitStore {
    constructor(_options?: unknown, readonly namespace: string = prefix) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      hitCounter(db, `${this.namespace}:${key}`, timeWindow, clock()).then((r) => callback(null, r), (e: Error) => callback(e));
    }
    read(key: string, callback: Callback): void {
      readCounter(db, `${this.namespace}:${key}`, clock()).then((r) => callback(null, r), (e: Error) => callback(e));
    }
    child(options: object) {
      const routeOptions = options as { routeInfo?: { url?: string; method?: string | string[] } };
      const route = routeOptions.routeInfo ? `${String(routeOptions.routeInfo.method ?? '')} ${routeOptions.routeInfo.url ?? ''}` : 'custom';
      return new PgRateLimitStore(undefined, `${this.namespace}:${route}`);
    }
  };
}
