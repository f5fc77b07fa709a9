// "Nieuw in de wijk": a person whose first membership in a team serving the wijk began
// within the last NEW_IN_WIJK_WEEKS weeks and who is a current member of one of those teams
// now. A membership's start is its `since`, else the time of its membership.create audit
// entry; one with neither (seeded long ago) counts as old. Earlier memberships in the wijk,
// ended or not, count too, so moving from one wijk team to another is not "new".
import { type Kysely, sql, type SqlBool } from 'kysely';
import { NEW_IN_WIJK_WEEKS } from '../domain/kennismaken';
import type { DB } from '../db/types';
import { buurtCodesUnder } from '../areas/areas.queries';
import { isCurrentMembership } from '../domain/membership';

/** The ids of the people new in the area (wijk, buurt or gemeente). */
export async function newInArea(db: Kysely<DB>, code: string): Promise<Set<string>> {
  const days = NEW_IN_WIJK_WEEKS * 7;
  const rows = await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .where('t.archived_at', 'is', null)
    .where('m.team_id', 'in', db.selectFrom('team_areas as ta').select('ta.team_id').where('ta.area_code', 'in', buurtCodesUnder(db, code)))
    .select('m.person_id').groupBy('m.person_id')
    .having(sql<SqlBool>`bool_or(${isCurrentMembership('m')})`)
    .having(sql<SqlBool>`min(coalesce(m.since, (select min(a.at)::date from audit_log a
        where a.entity_type = 'membership' and a.action = 'membership.create' and a.entity_id = m.id::text),
      '-infinity'::date)) >= current_date - ${days}::int`)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
