// Accounts as sign-in needs them: lookup by e-mail, the audience of a session, scopes.
import type { AccountRole } from '../db/types';
import type { Db } from '../db/sql';
import type { Audience } from '../domain/audience';
import { isCurrentMembership } from '../domain/membership';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('accounts').selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', normaliseEmail(email)))
    .executeTakeFirst();
}

export async function findAccountById(db: Db, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Scope { organisation_id: string | null; team_id: string | null }

export async function accountScopes(db: Db, accountId: string): Promise<Scope[]> {
  return db.selectFrom('account_scopes').select(['organisation_id', 'team_id'])
    .where('account_id', '=', accountId)
    .orderBy('organisation_id').orderBy('team_id').execute();
}

/** Deletes only the scopes that go and inserts only those that come: unchanged scopes leave the account's version alone. */
export async function replaceScopes(db: Db, accountId: string, scopes: readonly Scope[]): Promise<void> {
  const key = (s: Scope) => `${s.organisation_id ?? ''}/${s.team_id ?? ''}`;
  const have = await accountScopes(db, accountId);
  const wanted = new Map(scopes.map((s) => [key(s), s]));
  const stored = new Set(have.map(key));
  const gone = have.filter((s) => !wanted.has(key(s)));
  const added = [...wanted.values()].filter((s) => !stored.has(key(s)));
  if (gone.length > 0) {
    await db.deleteFrom('account_scopes').where('account_id', '=', accountId).where((eb) => eb.or(gone.map((s) => eb.and([
      s.organisation_id === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', s.organisation_id),
      s.team_id === null ? eb('team_id', 'is', null) : eb('team_id', '=', s.team_id),
    ])))).execute();
  }
  if (added.length > 0) {
    await db.insertInto('account_scopes')
      .values(added.map((s) => ({ account_id: accountId, organisation_id: s.organisation_id, team_id: s.team_id })))
      .execute();
  }
}

/**
 * The audience of a signed-in account: its person's teams (current memberships only, for
 * 'team' visibility) and, for editors, what they may edit. `organisationIds` keeps the
 * visibility module's meaning: the organisations an editor works for (scoped organisations
 * plus the organisations of scoped teams).
 */
export async function loadAudience(db: Db, account: { accountId: string; role: AccountRole; personId: string | null }): Promise<Audience> {
  const teams = account.personId
    ? await db.selectFrom('memberships as m').select('m.team_id').distinct()
      .where('m.person_id', '=', account.personId).where(isCurrentMembership('m'))
      .execute()
    : [];
  let organisationIds: string[] = [];
  let editableOrganisationIds: string[] = [];
  let editableTeamIds: string[] = [];
  if (account.role === 'editor') {
    const scopes = await db.selectFrom('account_scopes as s')
      .leftJoin('teams as t', 't.id', 's.team_id')
      .select(['s.organisation_id', 's.team_id', 't.organisation_id as team_org'])
      .where('s.account_id', '=', account.accountId).execute();
    editableOrganisationIds = unique(scopes.map((s) => s.organisation_id));
    const scopedTeams = unique(scopes.map((s) => s.team_id));
    const orgTeams = editableOrganisationIds.length === 0 ? [] : await db.selectFrom('teams').select('id')
      .where('organisation_id', 'in', editableOrganisationIds).execute();
    editableTeamIds = unique([...scopedTeams, ...orgTeams.map((t) => t.id)]);
    organisationIds = unique([...editableOrganisationIds, ...scopes.map((s) => s.team_org)]);
  }
  return {
    kind: account.role,
    accountId: account.accountId,
    personId: account.personId,
    teamIds: teams.map((t) => t.team_id),
    organisationIds,
    editableOrganisationIds,
    editableTeamIds,
  };
}

const unique = (values: readonly (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();
