// THE team row filter: which teams an audience may see at all. Every query that returns
// teams to an audience uses it (lists, detail, map markers and clusters, search, lookup,
// area pages, HSDS, vCard, kennismaken), so a team hidden for staleness is hidden
// everywhere at once. Residents do not see archived teams nor teams hidden for staleness
// (staleness.ts); signed-in audiences see those, marked.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Audience, seesPublicOnly } from './audience';
import { hiddenFromResidents } from './staleness';

/**
 * SQL filter on a teams row (`alias`, default `t`), for `.where(...)` or raw statements.
 * Pass ANONYMOUS where the output is public or shared by every audience (map cache, HSDS).
 */
export function teamVisibleTo(audience: Audience, alias = 't'): RawBuilder<SqlBool> {
  const current = sql<SqlBool>`${sql.ref(`${alias}.archived_at`)} is null`;
  return seesPublicOnly(audience) ? sql<SqlBool>`(${current} and not ${hiddenFromResidents(alias)})` : current;
}
