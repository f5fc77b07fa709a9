// Request and response shapes of invitations and password reset.
import { z } from 'zod';
import { Email, Uuid } from '../http/schemas';
import { MAX_PASSWORD_LENGTH } from './password-policy';


const Scope = z.union([
  z.object({ organisation_id: Uuid }).strict(),
  z.object({ team_id: Uuid }).strict(),
]);

export const InviteBody = z.object({
  email: Email,
  role: z.enum(['professional', 'editor', 'admin', 'analist']),
  person_id: Uuid.nullish(),
  scopes: z.array(Scope).max(50).optional(),
}).strict();
export type InviteBody = z.infer<typeof InviteBody>;

/** The token from the mailed link; any string is accepted here so a bad one gets `invalid_token`. */
const TokenText = z.string().max(200);
const NewPassword = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const TokenPasswordBody = z.object({ token: TokenText, password: NewPassword }).strict();
export const ResetBody = z.object({ email: Email }).strict();

/** Neutral on purpose: the same words whether or not the address had an account. */
export const Accepted = z.object({ message: z.string() });

export const SignedInBody = z.object({
  account: z.object({ id: Uuid, email: z.string(), role: z.enum(['professional', 'editor', 'admin', 'analist']) }),
});
