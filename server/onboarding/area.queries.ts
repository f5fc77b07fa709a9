// Which wijk a professional gets to know: the one asked for, else the one chosen on first
// sign-in (accounts.home_area), else the wijk whose buurten the caller's own teams serve most.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

export type AreaSource = 'query' | 'chosen' | 'teams';
export interface AreaRef { code: string; kind: 'gemeente' | 'wijk' | 'buurt'; name: string }

export const findArea = (db: Kysely<DB>, code: string): Promise<AreaRef | undefined> =>
  db.selectFrom('areas').select(['code', 'kind', 'name']).where('code', '=', code).executeTakeFirst();

export async function resolveArea(db: Kysely<DB>, accountId: string, teamIds: readonly string[], requested?: string)
  : Promise<{ area: AreaRef; source: AreaSource } | null | undefined> {
  if (requested) {
    const area = await findArea(db, requested);
    return area ? { area, source: 'query' } : undefined;
  }
  const account = await db.selectFrom('accounts').select('home_area').where('id', '=', accountId).executeTakeFirst();
  if (account?.home_area) {
    const area = await findArea(db, account.home_area);
    if (area) return { area, source: 'chosen' };
  }
  if (teamIds.length === 0) return null;
  const wijk = await db.selectFrom('team_areas as ta').innerJoin('areas as b', 'b.code', 'ta.area_code')
    .innerJoin('areas as w', 'w.code', 'b.parent_code')
    .where('ta.team_id', 'in', [...teamIds]).where('w.kind', '=', 'wijk')
    .select(['w.code', 'w.kind', 'w.name', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['w.code', 'w.kind', 'w.name']).orderBy('n', 'desc').orderBy('w.code').executeTakeFirst();
  return wijk ? { area: { code: wijk.code, kind: wijk.kind, name: wijk.name }, source: 'teams' } : null;
}

export async function setHomeArea(db: Kysely<DB>, accountId: string, code: string): Promise<void> {
  await db.updateTable('accounts').set({ home_area: code }).where('id', '=', accountId).execute();
}
