// THE newness rule ("nieuw in de wijk"), in one place. A person is new when their first
// membership in the teams looked at began within NEW_IN_WIJK_WEEKS weeks and they are a
// current member of one of those teams now. A membership begins on its `since`, else at
// its membership.create audit entry; one with neither (seeded long ago) counts as old.
// Earlier memberships count too, ended or not, so moving teams is not "new".
//
// Two scopes, one rule: the kennismaken pack and the change feed look at the teams serving
// one area (onboarding/newness.queries.ts); every person shaped for a signed-in audience
// (people/people.visibility.ts: `new_in_wijk`) looks at all of a person's teams.
import { type Expression, sql, type SqlBool } from 'kysely';
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

/** SQL: person `p` is new, counting all their memberships in teams that are not archived. */
export function isNewPerson(personAlias: string): Expression<SqlBool> {
  return sql<SqlBool>`coalesce((select ${isNewAggregate('nm')} from memberships nm
      join teams nt on nt.id = nm.team_id and nt.archived_at is null
      where nm.person_id = ${sql.ref(`${personAlias}.id`)}), false)`;
}
