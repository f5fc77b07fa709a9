// Account management: list accounts, change role/scopes/person, (de)activate.
import type { Kysely } from 'kysely';
import type { AccountRole, DB } from '../db/types';
import type { Db } from '../db/sql';
import { accountScopes, replaceScopes, type Scope } from '../auth/auth.queries';

export async function listAccounts(db: Kysely<DB>, query: { page: number; per_page: number; q?: string | undefined; role?: AccountRole | undefined }) {
  let base = db.selectFrom('accounts');
  if (query.q) base = base.where('email', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.role) base = base.where('role', '=', query.role);
  const [rows, total] = await Promise.all([
    base.select(['id', 'email', 'role', 'person_id', 'deactivated_at', 'last_sign_in_at', 'password_hash', 'totp_enabled_at', 'version', 'created_at'])
      .orderBy('email').limit(query.per_page).offset((query.page - 1) * query.per_page).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const scopes = rows.length === 0 ? [] : await db.selectFrom('account_scopes').select(['account_id', 'organisation_id', 'team_id'])
    .where('account_id', 'in', rows.map((r) => r.id)).execute();
  return {
    items: rows.map(({ password_hash, totp_enabled_at, ...r }) => ({
      ...r, invited: password_hash === null, totp_enabled: totp_enabled_at !== null,
      scopes: scopes.filter((s) => s.account_id === r.id).map(({ organisation_id, team_id }) => ({ organisation_id, team_id })),
    })),
    total: Number(total.n), page: query.page, per_page: query.per_page,
  };
}

export interface AccountState { role: AccountRole; person_id: string | null; scopes: Scope[]; deactivated: boolean }

export async function accountState(db: Db, id: string): Promise<(AccountState & { version: number }) | undefined> {
  const row = await db.selectFrom('accounts').select(['role', 'person_id', 'deactivated_at', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  return { role: row.role, person_id: row.person_id, deactivated: row.deactivated_at !== null, scopes: await accountScopes(db, id), version: row.version };
}

export async function applyAccountChange(db: Db, id: string, next: AccountState, now: Date): Promise<void> {
  await db.updateTable('accounts').set((eb) => ({
    role: next.role, person_id: next.person_id, updated_at: now,
    deactivated_at: next.deactivated ? eb.fn.coalesce('deactivated_at', eb.val(now)) : null,
  })).where('id', '=', id).execute();
  // Scopes only mean something for editors: other roles keep none.
  await replaceScopes(db, id, next.role === 'editor' ? next.scopes : []);
}

/** Which of these organisation/team ids do not exist (a 400 instead of a foreign-key 500). */
export async function unknownScopeTargets(db: Db, scopes: readonly Scope[]): Promise<string[]> {
  const orgs = scopes.flatMap((s) => (s.organisation_id ? [s.organisation_id] : []));
  const teams = scopes.flatMap((s) => (s.team_id ? [s.team_id] : []));
  const foundOrgs = orgs.length ? (await db.selectFrom('organisations').select('id').where('id', 'in', orgs).execute()).map((r) => r.id) : [];
  const foundTeams = teams.length ? (await db.selectFrom('teams').select('id').where('id', 'in', teams).execute()).map((r) => r.id) : [];
  return [...orgs.filter((o) => !foundOrgs.includes(o)), ...teams.filter((t) => !foundTeams.includes(t))];
}
