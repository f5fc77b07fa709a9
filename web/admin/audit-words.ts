// The audit log's action keys in words, in one place: the kinds the screen filters by and
// the sentence for each row. An action without words here still shows, as its key.
import type { z } from 'zod';
import type { AuditList } from '../../server/admin/admin.schemas';
import { t } from '../i18n/i18n';

export type AuditRow = z.infer<typeof AuditList>['items'][number];

export const KINDS = [
  { key: 'signin', actions: ['login'] },
  { key: 'failed', actions: ['login_failed'] },
  { key: 'roles', actions: ['role_change', 'account_deactivate', 'account_reactivate'] },
  { key: 'invites', actions: ['invite', 'invite_accept'] },
  { key: 'mobile', actions: ['view_mobile', 'view_mobile_bulk'] },
  { key: 'security', actions: ['password_change', 'password_reset_request', 'password_reset', 'totp_setup', 'totp_enable', 'totp_disable', 'logout', 'logout_all', 'session_revoke', 'sessions_revoke_by_admin', 'account.delete'] },
] as const;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? v as Record<string, unknown> : {});
const role = (r: unknown) => (typeof r === 'string' ? t(`account.role.${r}`) : '');

/** "Inloggen mislukt" + "(verkeerd wachtwoord)", "Rol gewijzigd" + "(professional → redacteur)", … */
export function auditWords(row: AuditRow): { what: string; detail?: string } {
  const key = `audit.action.${row.action}`;
  let what = t(key);
  if (what === key) {
    // team.update, person.verify, …: record kind + verb, else the key itself
    const [kind, verb] = row.action.split('.');
    const k = `audit.record.${kind}`;
    const v = `audit.verb.${verb}`;
    what = verb && t(k) !== k && t(v) !== v ? `${t(k)}: ${t(v)}` : row.action;
  }
  const meta = obj(row.meta);
  if (row.action === 'login_failed' && typeof meta.reason === 'string') {
    const r = `audit.reason.${meta.reason}`;
    return { what, detail: `(${t(r) === r ? meta.reason : t(r)})` };
  }
  if (row.action === 'role_change') {
    const before = obj(row.before);
    const after = obj(row.after);
    if (before.role !== after.role) return { what, detail: `(${role(before.role)} → ${role(after.role)})` };
    return { what, detail: `(${t('audit.scopes_changed')})` };
  }
  if (row.action === 'view_mobile_bulk' && typeof meta.count === 'number') return { what, detail: `(${meta.count})` };
  // One row per answer: several people's numbers at once say how many.
  if (row.action === 'view_mobile' && typeof meta.count === 'number' && meta.count > 1) return { what, detail: `(${meta.count})` };
  return { what };
}
