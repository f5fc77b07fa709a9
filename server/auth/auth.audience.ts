// How a request gets its audience: the session cookie, resolved to an account and its
// teams and scopes, on every request before any route runs. Registered by buildApp; the
// type it fills in (domain/audience.ts) knows nothing of sessions.
//
// Sessions and their audience are cached in this process for at most SESSION_CACHE_MS
// (1 s), keyed by the token's hash. Why a short TTL and not a per-account generation or
// LISTEN/NOTIFY: it costs no round trip at all on a hit, works the same on PGlite and
// PostgreSQL, and needs no write path to remember to bump or notify (a deactivation by a
// command, or straight in the database, counts too). Across instances a sign-out,
// deactivation, password or role change takes effect within that second; on this
// instance at once, since every write request (any method but GET/HEAD/OPTIONS) empties
// the cache before its answer is sent. A new membership shows the same way: the audience (current
// teams, scopes) is cached together with the session.
//
// A session in steady use never makes a request wait for that second to run out: a hit
// older than REFRESH_AFTER_MS is served and asks the database again beside it, and the
// requests that do have to wait (first request, or after a pause) share one question.
// An entry's age counts from when its question was sent, so the second holds either way.
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS, type Audience } from '../domain/audience';
import { clearSessionCookie, sessionToken } from '../http/session-cookie';
import { loadAudience } from './auth.queries';
import { hashToken, type ResolvedSession, resolveSession, timeoutsFromConfig } from './sessions.queries';

/** How long a resolved session may be reused without asking the database again. */
export const SESSION_CACHE_MS = 1000;
/** A hit older than this is served and refreshed beside the request (one refresh at a time). */
const REFRESH_AFTER_MS = 750;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface CachedSession { session: ResolvedSession; audience: Audience; at: number }
/** A session and audience as the database gave them; null: no live session behind the token. */
type Resolved = { session: ResolvedSession; audience: Audience } | null;

/** Two audiences of the same account with the same teams, scopes and second factor. */
function sameAudience(a: Audience, b: Audience): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Needs @fastify/cookie and the `clock` decorator registered first. */
export function registerAudience(app: FastifyInstance): void {
  app.decorateRequest('audience', null as unknown as { kind: 'anonymous' });
  app.decorateRequest('sessionId', null);
  const timeouts = timeoutsFromConfig(app.config);
  // Ages by the app's clock (a test moving it moves past an entry), checked again on every hit.
  const cache = new LRUCache<string, CachedSession>({ max: 10_000, ttl: SESSION_CACHE_MS, perf: { now: () => app.clock().getTime() } });
  // A write empties the cache; a read that started before it must not put its (older) answer back.
  let generation = 0;

  // Questions on their way, per token hash: the generation and (app clock) time they started in.
  const asking = new Map<string, { generation: number; at: number; answer: Promise<Resolved> }>();

  /**
   * Asks the database once for `token`, however many requests wait; caches the answer unless
   * a write came between. A request joins a question only as it would use a cache entry of
   * that age: asked in the same generation, less than SESSION_CACHE_MS before its own time.
   */
  function resolve(token: string, key: string, now: number): Promise<Resolved> {
    const pending = asking.get(key);
    if (pending && pending.generation === generation && now >= pending.at && now - pending.at < SESSION_CACHE_MS) {
      return pending.answer.then((resolved) => (resolved && new Date(resolved.session.expiresAt).getTime() > now ? resolved : null));
    }
    const started = generation;
    const answer = (async (): Promise<Resolved> => {
      const session = await resolveSession(app.database.db, token, new Date(now), timeouts);
      if (!session) return null;
      const loaded = await loadAudience(app.database.db, { accountId: session.accountId, role: session.role, personId: session.personId });
      const fresh: Audience = loaded.kind === 'anonymous' ? loaded : { ...loaded, secondFactor: session.secondFactor };
      // The same audience as before keeps its object: what is worked out per audience (people.cache.ts) carries over.
      const before = cache.get(key)?.audience;
      return { session, audience: before && sameAudience(before, fresh) ? before : fresh };
    })();
    const entry = { generation: started, at: now, answer };
    asking.set(key, entry);
    void answer.then((resolved) => {
      if (generation !== started) return;
      if (resolved) cache.set(key, { ...resolved, at: now });
      else cache.delete(key);
    }, () => undefined).finally(() => {
      if (asking.get(key) === entry) asking.delete(key);
    });
    return answer;
  }

  app.addHook('onRequest', async (request, reply) => {
    request.audience = ANONYMOUS;
    request.sessionId = null;
    const token = sessionToken(request);
    if (token === undefined) return;
    const now = app.clock().getTime();
    const key = hashToken(token);
    const hit = cache.get(key);
    if (hit && now >= hit.at && now - hit.at < SESSION_CACHE_MS && new Date(hit.session.expiresAt).getTime() > now) {
      request.sessionId = hit.session.id;
      request.audience = hit.audience;
      // Refreshed beside this request; a failure here is the next miss's to report.
      if (now - hit.at >= REFRESH_AFTER_MS) resolve(token, key, now).catch(() => undefined);
      return;
    }
    const resolved = await resolve(token, key, now);
    if (!resolved) {
      cache.delete(key);
      // A stale or forged cookie: answer as anonymous and tell the browser to drop it.
      clearSessionCookie(request, reply);
      return;
    }
    request.sessionId = resolved.session.id;
    request.audience = resolved.audience;
  });

  // A sign-out, deactivation, password, role, scope or membership change on this instance
  // counts from the very next request here: emptied before the answer leaves (onSend, the
  // route's writes are done by then), so the client's next request cannot get ahead of it.
  app.addHook('onSend', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    generation += 1;
    cache.clear();
  });

  // Answers that depend on the cookie must not be shared by caches between audiences.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api')) return;
    reply.header('vary', appendVary(reply.getHeader('vary'), 'Cookie'));
    if (request.audience?.kind !== 'anonymous' && request.audience) reply.header('cache-control', 'private, no-store');
  });
}

function appendVary(current: unknown, value: string): string {
  const existing = typeof current === 'string' ? current.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (existing.some((v) => v.toLowerCase() === value.toLowerCase() || v === '*')) return existing.join(', ');
  return [...existing, value].join(', ');
}
