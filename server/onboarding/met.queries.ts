// "Wie heb ik ontmoet": marks private to one account. Only the marking account's own
// requests read them (always filtered by its account id); no other query joins this table.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

export async function markMet(db: Kysely<DB>, accountId: string, personId: string): Promise<void> {
  await db.insertInto('met_marks').values({ account_id: accountId, person_id: personId })
    .onConflict((oc) => oc.columns(['account_id', 'person_id']).doNothing()).execute();
}

export async function unmarkMet(db: Kysely<DB>, accountId: string, personId: string): Promise<void> {
  await db.deleteFrom('met_marks').where('account_id', '=', accountId).where('person_id', '=', personId).execute();
}

/** The people this account marked as met. */
export async function metBy(db: Kysely<DB>, accountId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('met_marks').select('person_id').where('account_id', '=', accountId).execute();
  return new Set(rows.map((r) => r.person_id));
}
