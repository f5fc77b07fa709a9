// Who is asking. Every request carries an audience: anonymous, or the account behind a
// valid `wijkweb_session` cookie. Nothing else in a request can claim an audience.
import type { FastifyInstance } from 'fastify';
import { loadAudience } from '../auth/auth.queries';
import { resolveSession, timeoutsFromConfig } from '../auth/sessions';
import { clearSessionCookie, sessionToken } from './session-cookie';

export type Audience =
  | { kind: 'anonymous' }
  | {
      kind: 'professional' | 'editor' | 'admin';
      accountId: string;
      /** The person record of the signed-in account, if any. */
      personId: string | null;
      /** Teams the account's person currently belongs to ('team' visibility). */
      teamIds: readonly string[];
      /** Organisations an editor works for ('team' visibility for their people). */
      organisationIds: readonly string[];
      /** Organisations an editor may edit as a whole (their organisation scopes). Absent = none. */
      editableOrganisationIds?: readonly string[];
      /** Teams an editor may edit: scoped teams and every team of a scoped organisation. */
      editableTeamIds?: readonly string[];
      /** This session proved a code from the authenticator app (REQUIRE_MFA). Absent = no. */
      secondFactor?: boolean;
    };

export const ANONYMOUS: Audience = Object.freeze({ kind: 'anonymous' });

declare module 'fastify' {
  interface FastifyRequest {
    audience: Audience;
    /** The live session of a signed-in request (null when anonymous). */
    sessionId: string | null;
  }
}

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
