// Who may pass: preHandlers for routes that need a signed-in account or a role, and the
// tenant rule for writes (an editor of organisation A never writes organisation B's records).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../domain/audience';
import { HttpError } from '../http/errors';

export type SignedIn = Exclude<Audience, { kind: 'anonymous' }>;

export const notSignedIn = () => new HttpError(401, 'not_signed_in', 'Log eerst in. / Please sign in first.');
export const forbidden = (message = 'U mag dit niet doen. / You are not allowed to do this.') => new HttpError(403, 'forbidden', message);

/** The signed-in audience of a request, or a 401. */
export function signedIn(request: FastifyRequest): SignedIn {
  if (request.audience.kind === 'anonymous') throw notSignedIn();
  return request.audience;
}

export async function requireSignedIn(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  signedIn(request);
}

const RANK = { professional: 0, editor: 1, admin: 2 } as const;

/** preHandler: 401 when anonymous, 403 when the role is below `role` (admin passes an editor check). */
export function requireRole(role: 'editor' | 'admin') {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const audience = signedIn(request);
    if (RANK[audience.kind] < RANK[role]) throw forbidden();
  };
}

/**
 * May `audience` write a record owned by this organisation/team? Admins: everything.
 * Editors: a team inside their scope (a scoped team, or any team of a scoped organisation);
 * an organisation record only with an organisation scope. Professionals: nothing.
 */
export function canEdit(audience: Audience, owner: { organisationId?: string | null; teamId?: string | null }): boolean {
  if (audience.kind === 'admin') return true;
  if (audience.kind !== 'editor') return false;
  if (owner.teamId) return (audience.editableTeamIds ?? []).includes(owner.teamId);
  if (owner.organisationId) return (audience.editableOrganisationIds ?? []).includes(owner.organisationId);
  return false;
}

/** canEdit or a 403 (401 when not signed in). */
export function assertCanEdit(request: FastifyRequest, owner: { organisationId?: string | null; teamId?: string | null }): void {
  const audience = signedIn(request);
  if (!canEdit(audience, owner)) throw forbidden('Dit valt buiten uw organisatie of team. / This is outside your organisation or team.');
}
