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
  /** Six-digit code from an authenticator app: needed when the account has a second factor,
   *  ignored when it has none. Sign-in never says which of the two was wrong. */
  code: z.string().regex(/^\d{6}$/, 'Must be 6 digits').optional(),
}).strict();

export const ChangePasswordBody = z.object({
  current_password: Password,
  new_password: Password,
}).strict();

export const Role = z.enum(['professional', 'editor', 'admin', 'analist']);
export const ScopeItem = z.object({ organisation_id: Uuid.nullable(), team_id: Uuid.nullable() });

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  person_id: Uuid.nullable(),
  scopes: z.array(ScopeItem),
  team_ids: z.array(Uuid),
  totp_enabled: z.boolean(),
  /** REQUIRE_MFA=editors and this session did not prove a second factor: writes are refused. */
  mfa_required: z.boolean(),
  /** What this session needs before it may write: set TOTP up, or sign in again with a code; null: nothing. */
  mfa_step: z.enum(['set_up_totp', 'sign_in_with_code']).nullable(),
  /** second_factor: this session was established (or confirmed) with a code from the authenticator app. */
  session: z.object({ id: Uuid, expires_at: Timestamp, second_factor: z.boolean() }),
});

const SessionItem = z.object({
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
