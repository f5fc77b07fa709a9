// Request and response shapes of sign-in, the own account and own sessions.
import { z } from 'zod';
import { NullableTimestamp, Timestamp, Uuid } from '../http/schemas';

// Looser than the Email primitive on purpose: sign-in must accept every address an account
// already has, and `user:create` has allowed `name@host` without a dot.
const Email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'Must be an e-mail address');
// Not trimmed: spaces are part of a password. Bounded so hashing stays cheap.
const Password = z.string().min(1).max(256);

export const LoginBody = z.object({
  email: Email,
  password: Password,
  /** Six-digit code from an authenticator app, when the account has a second factor. */
  code: z.string().regex(/^\d{6}$/, 'Must be 6 digits').optional(),
}).strict();

export const ChangePasswordBody = z.object({
  current_password: Password,
  new_password: Password,
}).strict();

export const Role = z.enum(['professional', 'editor', 'admin']);
export const ScopeItem = z.object({ organisation_id: Uuid.nullable(), team_id: Uuid.nullable() });

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  person_id: Uuid.nullable(),
  scopes: z.array(ScopeItem),
  team_ids: z.array(Uuid),
  totp_enabled: z.boolean(),
  /** REQUIRE_MFA=editors and no TOTP yet: writes are refused until it is set up. */
  mfa_required: z.boolean(),
  session: z.object({ id: Uuid, expires_at: Timestamp }),
});

export const SessionItem = z.object({
  id: Uuid,
  created_at: Timestamp,
  last_seen_at: Timestamp,
  expires_at: Timestamp,
  user_agent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionItem) });
export const RevokedCount = z.object({ revoked: z.number().int() });
export const PasswordChanged = z.object({ password_changed_at: NullableTimestamp, other_sessions_revoked: z.number().int() });
