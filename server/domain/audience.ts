// Who is asking. Every request carries an audience: anonymous, or the account behind a
// valid `wijkweb_session` cookie. Nothing else in a request can claim an audience. This is
// the type only; auth (auth/auth.audience.ts) sets it on each request, and every feature
// reads it without knowing how sign-in works.

export type Audience =
  | { kind: 'anonymous' }
  | {
      kind: 'professional' | 'editor' | 'admin' | 'analist';
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

/**
 * Does this audience see people, teams and fields exactly as a resident does? Anonymous
 * callers, and the gemeente's analist (insight screens and public data only: no 06 numbers,
 * no team notes, no stale or hidden records). Every "what may be shown" check asks this,
 * never `kind === 'anonymous'` (which only means "not signed in").
 */
export const seesPublicOnly = (a: Audience): boolean => a.kind === 'anonymous' || a.kind === 'analist';

declare module 'fastify' {
  interface FastifyRequest {
    audience: Audience;
    /** The live session of a signed-in request (null when anonymous). */
    sessionId: string | null;
  }
}
