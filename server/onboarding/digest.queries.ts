// Weekly digest subscriptions: an account follows the changes of one or more areas.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { AreaRef } from './area.queries';

export async function subscribe(db: Kysely<DB>, accountId: string, areaCode: string): Promise<void> {
  await db.insertInto('digest_subscriptions').values({ account_id: accountId, area_code: areaCode })
    .onConflict((oc) => oc.columns(['account_id', 'area_code']).doNothing()).execute();
}

export async function unsubscribe(db: Kysely<DB>, accountId: string, areaCode: string): Promise<void> {
  await db.deleteFrom('digest_subscriptions').where('account_id', '=', accountId).where('area_code', '=', areaCode).execute();
}

export async function subscriptionsOf(db: Kysely<DB>, accountId: string): Promise<AreaRef[]> {
  return db.selectFrom('digest_subscriptions as s').innerJoin('areas as a', 'a.code', 's.area_code')
    .select(['a.code', 'a.kind', 'a.name']).where('s.account_id', '=', accountId).orderBy('a.name').execute();
}
