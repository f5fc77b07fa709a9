// Shapes of account management and the audit log (admins only).
import { z } from 'zod';
import { NullableTimestamp, PageQuery, Paged, Timestamp, Uuid } from '../http/schemas';
import { Role, ScopeItem } from '../auth/auth.schemas';

export const AccountItem = z.object({
  id: Uuid, email: z.string(), role: Role, person_id: Uuid.nullable(), scopes: z.array(ScopeItem),
  deactivated_at: NullableTimestamp, last_sign_in_at: NullableTimestamp, invited: z.boolean(),
  totp_enabled: z.boolean(), version: z.number().int(), created_at: Timestamp,
});
export const AccountList = Paged(AccountItem);
export const AccountListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
});

const ScopeInput = z.union([
  z.object({ organisation_id: Uuid }).strict(),
  z.object({ team_id: Uuid }).strict(),
]);

export const AccountPatch = z.object({
  role: Role.optional(),
  scopes: z.array(ScopeInput).max(200).optional(),
  person_id: Uuid.nullable().optional(),
  deactivated: z.boolean().optional(),
}).strict().refine((b) => Object.keys(b).length > 0, 'Send at least one field');

export const AuditQuery = PageQuery.extend({
  action: z.string().regex(/^[a-z_]{1,64}$/).optional(),
  actor: Uuid.optional(),
});
export const AuditItem = z.object({
  id: z.string(), at: Timestamp, actor_account_id: Uuid.nullable(), action: z.string(),
  entity_type: z.string().nullable(), entity_id: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), meta: z.unknown(),
});
export const AuditList = Paged(AuditItem);
