// Server-side sessions in PostgreSQL, so every app instance sees the same ones and a
// sign-out or deactivation ends them everywhere at once. The cookie carries 32 random
// bytes; the table keeps only their SHA-256, so a leaked copy of it signs nobody in.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountRole, DB } from '../db/types';

interface SessionTimeouts {
  /** A session ends after this long without a request. */
  idleMs: number;
  /** ...and in any case this long after sign-in. */
  absoluteMs: number;
}

const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 8 * 3600_000, absoluteMs: 30 * 86400_000 };
/** last_seen_at is written at most this often, so browsing is not one write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export function timeoutsFromConfig(config: { SESSION_IDLE_HOURS: number; SESSION_ABSOLUTE_DAYS: number }): SessionTimeouts {
  return { idleMs: config.SESSION_IDLE_HOURS * 3600_000, absoluteMs: config.SESSION_ABSOLUTE_DAYS * 86400_000 };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Tokens look like this; anything else is rejected before touching the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

interface SessionOptions {
  userAgent?: string | null;
  now?: Date;
  timeouts?: SessionTimeouts;
  /** The sign-in proved a code from the authenticator app (REQUIRE_MFA counts only such sessions). */
  secondFactor?: boolean;
}

/** A fresh session (never a reused id: that is what stops session fixation). */
export async function createSession(db: Kysely<DB>, accountId: string, options: SessionOptions = {}): Promise<{ token: string; id: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const { absoluteMs } = options.timeouts ?? DEFAULT_TIMEOUTS;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + absoluteMs);
  const row = await db.insertInto('sessions').values({
    token_hash: hashToken(token), account_id: accountId, created_at: now, last_seen_at: now,
    expires_at: expiresAt, user_agent: options.userAgent?.slice(0, 300) ?? null,
    second_factor_at: options.secondFactor ? now : null,
  }).returning('id').executeTakeFirstOrThrow();
  return { token, id: row.id, expiresAt };
}

export interface ResolvedSession {
  id: string;
  accountId: string;
  email: string;
  role: AccountRole;
  personId: string | null;
  createdAt: string;
  expiresAt: string;
  /** Established (or later confirmed) with a code from the authenticator app. */
  secondFactor: boolean;
}

/**
 * The live session behind `token` at `now`, or null when it is unknown, revoked, past its
 * idle or absolute limit, or its account is deactivated. Touches last_seen_at at most
 * once per TOUCH_INTERVAL_MS.
 */
export async function resolveSession(db: Kysely<DB>, token: string, now: Date, timeouts: SessionTimeouts = DEFAULT_TIMEOUTS): Promise<ResolvedSession | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await db.selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.id', 's.account_id', 's.last_seen_at', 's.created_at', 's.expires_at', 's.revoked_at', 's.second_factor_at',
      'a.email', 'a.role', 'a.person_id', 'a.deactivated_at'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.deactivated_at !== null) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now.getTime()) return null;
  if (lastSeen + timeouts.idleMs <= now.getTime()) return null;
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return {
    id: row.id, accountId: row.account_id, email: row.email, role: row.role, personId: row.person_id,
    createdAt: row.created_at, expiresAt: row.expires_at, secondFactor: row.second_factor_at !== null,
  };
}

/** Ends one session of an account; false when it was not a live session of that account. */
export async function revokeSession(db: Kysely<DB>, sessionId: string, now: Date = new Date(), accountId?: string): Promise<boolean> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null);
  if (accountId) q = q.where('account_id', '=', accountId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** This session just proved a code from the authenticator app (switching TOTP on does). */
export async function markSecondFactor(db: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ second_factor_at: now }).where('id', '=', sessionId).execute();
}

/** The second factor is gone (switched off): no session of the account counts as having used it. */
export async function forgetSecondFactor(db: Kysely<DB>, accountId: string): Promise<void> {
  await db.updateTable('sessions').set({ second_factor_at: null }).where('account_id', '=', accountId).execute();
}

/** Ends every session of an account (except `exceptId`, the one making the request). Returns how many. */
export async function revokeAllSessions(db: Kysely<DB>, accountId: string, exceptId?: string, now: Date = new Date()): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The live sessions of an account, newest first (for "where am I signed in"). */
export async function listSessions(db: Kysely<DB>, accountId: string, now: Date, timeouts: SessionTimeouts = DEFAULT_TIMEOUTS) {
  return db.selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', new Date(now.getTime() - timeouts.idleMs).toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Removes sessions that can never be used again (run now and then; keeps the table small). */
export async function pruneSessions(db: Kysely<DB>, now: Date, keepMs = 7 * 86400_000): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date(now.getTime() - keepMs).toISOString()).execute();
}
