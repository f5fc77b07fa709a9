// TOTP state of an account: a pending secret (set up, not confirmed) or an enabled one.
// The secret is read only to check codes; no query here returns it to a route's response.
import type { Db } from '../db/sql';

export async function totpState(db: Db, accountId: string) {
  return db.selectFrom('accounts').select(['email', 'totp_secret', 'totp_enabled_at'])
    .where('id', '=', accountId).executeTakeFirst();
}

/** Stores a new, not yet active secret (replacing an unconfirmed one). */
export async function storePendingSecret(db: Db, accountId: string, secret: string, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ totp_secret: secret, totp_enabled_at: null, updated_at: now })
    .where('id', '=', accountId).where('totp_enabled_at', 'is', null).execute();
}

export async function enableTotp(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ totp_enabled_at: now, updated_at: now })
    .where('id', '=', accountId).where('totp_secret', 'is not', null).execute();
}

export async function disableTotp(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ totp_secret: null, totp_enabled_at: null, updated_at: now })
    .where('id', '=', accountId).execute();
}
