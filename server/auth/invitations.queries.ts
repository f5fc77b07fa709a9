// One-time tokens for invitations and password resets, and the account an invitation
// creates. Only the SHA-256 of a token is stored; the plain token exists only in the mail.
import { randomBytes } from 'node:crypto';
import type { AccountRole } from '../db/types';
import type { Db } from '../db/sql';
import { isCurrentMembership } from '../domain/membership';
import { hashToken } from './sessions.queries';

export type TokenKind = 'invite' | 'reset';

const TOKEN_TTL_MS: Record<TokenKind, number> = { invite: 7 * 86400_000, reset: 3600_000 };
/** 32 random bytes, base64url: 43 characters. Anything else is refused before any lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random token and its hash (also used for the decoy work of an unknown address). */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/**
 * Stores a token for the account and returns the plain one. Earlier unused tokens of the same
 * kind stop working: only the newest mail's link is valid.
 */
export async function issueToken(db: Db, input: { accountId: string; kind: TokenKind; createdBy: string | null; now: Date }): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.updateTable('account_tokens').set({ used_at: input.now })
    .where('account_id', '=', input.accountId).where('kind', '=', input.kind).where('used_at', 'is', null)
    .execute();
  await db.insertInto('account_tokens').values({
    account_id: input.accountId, kind: input.kind, token_hash: tokenHash,
    expires_at: new Date(input.now.getTime() + TOKEN_TTL_MS[input.kind]), created_by: input.createdBy, created_at: input.now,
  }).execute();
  return token;
}

/** Every outstanding link of the account (invitation and reset) stops working. Returns how many. */
export async function retireTokens(db: Db, accountId: string, now: Date): Promise<number> {
  const result = await db.updateTable('account_tokens').set({ used_at: now })
    .where('account_id', '=', accountId).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The same statements issueToken runs, matching no row: an unknown address costs what a known one does. */
export async function decoyTokenWork(db: Db, kind: TokenKind, now: Date): Promise<void> {
  const { tokenHash } = newToken();
  await db.updateTable('account_tokens').set({ used_at: now })
    .where('token_hash', '=', tokenHash).where('kind', '=', kind).where('used_at', 'is', null)
    .execute();
  // Second statement, like issueToken's insert (which probes the same unique index).
  await db.selectFrom('account_tokens').select('id').where('token_hash', '=', tokenHash).execute();
}

interface LiveToken { tokenId: string; accountId: string; email: string; personId: string | null; role: AccountRole }

/** The unused, unexpired, active-account token behind `token`, or null. Does not use it up. */
export async function findLiveToken(db: Db, token: string, kind: TokenKind, now: Date): Promise<LiveToken | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await db.selectFrom('account_tokens as t').innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['t.id', 't.account_id', 'a.email', 'a.person_id', 'a.role'])
    .where('t.token_hash', '=', hashToken(token)).where('t.kind', '=', kind)
    .where('t.used_at', 'is', null).where('t.expires_at', '>', now.toISOString()).where('a.deactivated_at', 'is', null)
    .executeTakeFirst();
  return row ? { tokenId: row.id, accountId: row.account_id, email: row.email, personId: row.person_id, role: row.role } : null;
}

/** Marks the token used, atomically: of two concurrent uses exactly one gets true. */
export async function useToken(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('account_tokens').set({ used_at: now })
    .where('id', '=', tokenId).where('used_at', 'is', null).where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setPassword(db: Db, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('accounts')
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where('id', '=', accountId).execute();
}

/** The words a person might build a password from: their address and the name of their person record. */
export async function personalInputs(db: Db, account: { email: string; personId: string | null }): Promise<string[]> {
  if (!account.personId) return [account.email];
  const person = await db.selectFrom('people').select(['given_name', 'family_name'])
    .where('id', '=', account.personId).executeTakeFirst();
  return person ? [account.email, `${person.given_name} ${person.family_name}`, person.given_name, person.family_name] : [account.email];
}

export async function createInvitedAccount(db: Db, input: {
  email: string; role: AccountRole; personId: string | null; now: Date;
}): Promise<string | null> {
  // null: a concurrent invitation of the same address created it first (unique lower(email)).
  const row = await db.insertInto('accounts').values({
    email: input.email, password_hash: null, role: input.role, person_id: input.personId,
    totp_secret: null, created_at: input.now, updated_at: input.now,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return row?.id ?? null;
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return !!(await db.selectFrom('people').select('id').where('id', '=', personId).where('archived_at', 'is', null).executeTakeFirst());
}

export async function existingScopeTargets(db: Db, organisationIds: string[], teamIds: string[]) {
  const orgs = organisationIds.length === 0 ? [] : await db.selectFrom('organisations').select('id').where('id', 'in', organisationIds).execute();
  const teams = teamIds.length === 0 ? [] : await db.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
  return { organisationIds: orgs.map((o) => o.id), teamIds: teams.map((t) => t.id) };
}
