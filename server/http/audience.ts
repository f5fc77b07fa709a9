// Who is asking. Every request carries an audience; until sign-in exists (a later
// issue) it is always anonymous, and nothing in a request can claim another one.
import type { FastifyInstance } from 'fastify';

export type Audience =
  | { kind: 'anonymous' }
  | {
      kind: 'professional' | 'editor' | 'admin';
      accountId: string;
      /** The person record of the signed-in account, if any. */
      personId: string | null;
      /** Teams the account's person belongs to ('team' visibility). */
      teamIds: readonly string[];
      /** Organisations an editor may edit ('team' visibility for their people). */
      organisationIds: readonly string[];
    };

export const ANONYMOUS: Audience = Object.freeze({ kind: 'anonymous' });

declare module 'fastify' {
  interface FastifyRequest {
    audience: Audience;
  }
}

export function registerAudience(app: FastifyInstance): void {
  app.decorateRequest('audience', null as unknown as { kind: 'anonymous' });
  // Sign-in (a later issue) will replace this hook; a request cannot choose its audience.
  app.addHook('onRequest', async (request) => { request.audience = ANONYMOUS; });
}
