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

// A moment: a date-time with offset, or a date (its start, UTC). The screen sends local
// midnights as date-times, so a Dutch admin's "6 december" means the Dutch day.
const Moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s));
export const AuditQuery = PageQuery.extend({
  action: z.string().regex(/^[a-z_.]{1,64}(,[a-z_.]{1,64}){0,19}$/, 'One action key, or several separated by commas').optional()
    .describe('e.g. login, or login_failed,role_change'),
  actor: Uuid.optional().describe('Only what this account did'),
  account: Uuid.optional().describe('What this account did or what was done to it (e.g. failed sign-ins on it)'),
  person: Uuid.optional().describe('Who saw this person\'s 06 number: the view_mobile rows that list them'),
  from: Moment.optional().describe('From this moment (inclusive): 2026-12-01 or 2026-12-01T00:00:00+01:00'),
  to: Moment.optional().describe('Up to this moment (exclusive)'),
}).refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'Must be after from' });
const AuditItem = z.object({
  id: z.string(), at: Timestamp, actor_account_id: Uuid.nullable(), action: z.string(),
  entity_type: z.string().nullable(), entity_id: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), meta: z.unknown(),
  /** The actor's e-mail address (null: nobody signed in, or the account is gone). */
  actor_email: z.string().nullable(),
  /** The record acted on in words: an account's e-mail address or a person's name. */
  subject: z.string().nullable(),
});
export const AuditList = Paged(AuditItem);
