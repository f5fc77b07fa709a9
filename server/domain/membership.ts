// THE definition of a current membership, used by every path that asks "is this person in
// this team now?" (visibility, member lists, lookup contacts, search, sign-in's team list).
// A membership is current from its `since` day (or always, when unknown) through its
// `until` day inclusive (or open-ended): one that has ended, or not yet begun, is not.
// Only an accepted membership counts: a `requested` one (a team asked for someone employed
// elsewhere) gives no rights and shows nowhere until the person's employer or the person accepts.
import { type Expression, type SqlBool, sql } from 'kysely';

/** SQL: the membership row behind `alias` is current today. */
export function isCurrentMembership(alias: string): Expression<SqlBool> {
  const since = sql.ref(`${alias}.since`);
  const until = sql.ref(`${alias}.until`);
  const status = sql.ref(`${alias}.status`);
  return sql<SqlBool>`(${status} = 'current' and (${since} is null or ${since} <= current_date) and (${until} is null or ${until} >= current_date))`;
}

/** The same rule in TypeScript, for values already read (seeds, exports, tests). */
export function isCurrentOn(membership: { since: string | null; until: string | null; status?: 'requested' | 'current' }, today: string): boolean {
  return membership.status !== 'requested' && (membership.since === null || membership.since <= today) && (membership.until === null || membership.until >= today);
}
