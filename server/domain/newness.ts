// THE newness rule ("nieuw in de wijk"), in one place. A person is new when their first
// membership in the teams looked at began within NEW_IN_WIJK_WEEKS weeks and they are a
// current member of one of those teams now. A membership begins on its `since`, else at
// its membership.create audit entry; one with neither (seeded long ago) counts as old.
// Earlier memberships count too, ended or not, so moving teams is not "new".
//
// Two scopes, one rule: the kennismaken pack and the change feed look at the teams serving
// one area (onboarding/newness.queries.ts); every person shaped for a signed-in audience
// (people/people.present.ts: `new_in_wijk`, newPeopleAmong) looks at all of a person's teams.
import { type Expression, type Kysely, sql, type SqlBool } from 'kysely';
import type { DB } from '../db/types';
import { NEW_IN_WIJK_WEEKS } from './kennismaken';
import { isCurrentMembership } from './membership';

/** SQL: the day the membership row behind `alias` began (-infinity when unknown). */
function membershipStart(alias: string): Expression<string> {
  const id = sql.ref(`${alias}.id`);
  return sql<string>`coalesce(${sql.ref(`${alias}.since`)}, (select min(a.at)::date from audit_log a
      where a.entity_type = 'membership' and a.action = 'membership.create' and a.entity_id = ${id}::text),
    '-infinity'::date)`;
}

/** SQL aggregate over the memberships behind `alias` (grouped per person): is this person new? */
export function isNewAggregate(alias: string): Expression<SqlBool> {
  return sql<SqlBool>`(bool_or(${isCurrentMembership(alias)})
    and min(${membershipStart(alias)}) >= current_date - ${NEW_IN_WIJK_WEEKS * 7}::int)`;
}

/**
 * Which of `ids` are new, counting all their memberships in teams that are not archived: one grouped
 * read for a whole answer, beside the people's own select, instead of a subquery per person
 * (a third of a signed-in "wie werkt hier" answer's database time at national scale).
 */
export async function newPeopleAmong(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ person_id: string }>`select nm.person_id from memberships nm
    join teams nt on nt.id = nm.team_id and nt.archived_at is null
    where nm.person_id = any(${[...ids]}::uuid[]) group by nm.person_id having ${isNewAggregate('nm')}`.execute(db);
  return new Set(rows.map((r) => r.person_id));
}
