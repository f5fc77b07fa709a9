// "Nieuw in de wijk" for one area: the one newness rule (domain/newness.ts) over the
// memberships in teams serving the wijk (or buurt, or gemeente).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { buurtCodesUnder } from '../areas/areas.queries';
import { isNewAggregate } from '../domain/newness';

/** The ids of the people new in the area (wijk, buurt or gemeente). */
export async function newInArea(db: Kysely<DB>, code: string): Promise<Set<string>> {
  const rows = await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .where('t.archived_at', 'is', null)
    .where('m.team_id', 'in', db.selectFrom('team_areas as ta').select('ta.team_id').where('ta.area_code', 'in', buurtCodesUnder(db, code)))
    .select('m.person_id').groupBy('m.person_id')
    .having(isNewAggregate('m'))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
