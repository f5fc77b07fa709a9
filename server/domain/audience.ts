// Who is asking. Every request carries an audience: anonymous, or the account behind a
// valid `wijkweb_session` cookie. Nothing else in a request can claim an audience. This is
// the type only; auth (auth/auth.audience.ts) sets it on each request, and every feature
// reads it without knowing how sign-in works.

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
