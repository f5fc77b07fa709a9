// How a request gets its audience: the session cookie, resolved to an account and its
// teams and scopes, on every request before any route runs. Registered by buildApp; the
// type it fills in (domain/audience.ts) knows nothing of sessions.
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../domain/audience';
import { clearSessionCookie, sessionToken } from '../http/session-cookie';
import { loadAudience } from './auth.queries';
import { resolveSession, timeoutsFromConfig } from './sessions.queries';

/** Needs @fastify/cookie and the `clock` decorator registered first. */
export function registerAudience(app: FastifyInstance): void {
  app.decorateRequest('audience', null as unknown as { kind: 'anonymous' });
  app.decorateRequest('sessionId', null);
  const timeouts = timeoutsFromConfig(app.config);

  app.addHook('onRequest', async (request, reply) => {
    request.audience = ANONYMOUS;
    request.sessionId = null;
    const token = sessionToken(request);
    if (token === undefined) return;
    const session = await resolveSession(app.database.db, token, app.clock(), timeouts);
    if (!session) {
      // A stale or forged cookie: answer as anonymous and tell the browser to drop it.
      clearSessionCookie(request, reply);
      return;
    }
    request.sessionId = session.id;
    const audience = await loadAudience(app.database.db, { accountId: session.accountId, role: session.role, personId: session.personId });
    request.audience = audience.kind === 'anonymous' ? audience : { ...audience, secondFactor: session.secondFactor };
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
