// Who may pass: preHandlers for routes that need a signed-in account or a role. Who may do
// what on which record is decided in server/domain/permissions.ts, never here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../domain/audience';
import { forbidden, notSignedIn } from '../http/authorise';

export { forbidden, notSignedIn };

export type SignedIn = Exclude<Audience, { kind: 'anonymous' }>;

/** The signed-in audience of a request, or a 401. */
export function signedIn(request: FastifyRequest): SignedIn {
  if (request.audience.kind === 'anonymous') throw notSignedIn();
  return request.audience;
}

export async function requireSignedIn(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  signedIn(request);
}

// The analist (gemeente insight) ranks below a professional: no editing of any kind.
const RANK = { analist: -1, professional: 0, editor: 1, admin: 2 } as const;

/** preHandler: 401 when anonymous, 403 when the role is below `role` (admin passes an editor check). */
export function requireRole(role: 'editor' | 'admin') {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const audience = signedIn(request);
    if (RANK[audience.kind] < RANK[role]) throw forbidden();
  };
}
