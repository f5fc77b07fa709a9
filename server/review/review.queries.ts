// "Te controleren": the teams and people an editor may edit that are stale or nearly so,
// stalest first. Who may edit what is the permission module's rule, in its SQL form
// (server/domain/permissions.ts): teams they edit, people their organisation employs.
import { type Kysely, sql, type SqlBool } from 'kysely';
import type { DB } from '../db/types';
import type { SignedIn } from '../auth/auth.guards';
import { peopleEditableBy, teamsEditableBy } from '../domain/permissions';
import { isCurrentMembership } from '../domain/membership';
import { stalenessOf, staleCutoff, stalenessPolicy, verifiedBasis } from '../domain/staleness';

/** Entries becoming stale within this many days are listed too ("binnenkort"), so editors can act early. */
const SOON_DAYS = 14;

export interface ReviewScope { organisationId?: string; teamId?: string }
export interface ReviewItem {
  kind: 'team' | 'person'; id: string; name: string; organisation_name: string | null;
  last_verified_at: string | null; counted_from: string; age_days: number; version: number; link: string;
  stale: boolean; stale_since: string | null; hidden_from_residents: boolean; hidden_from_residents_at: string;
}

export async function reviewItems(db: Kysely<DB>, audience: SignedIn, scope: ReviewScope, now: Date, limit = 500): Promise<ReviewItem[]> {
  const reach = teamsEditableBy(audience);
  if (audience.kind === 'professional') return [];
  const soon = new Date(staleCutoff(now).getTime() + SOON_DAYS * 86_400_000).toISOString();
  const basis = verifiedBasis;

  let teams = db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where('t.archived_at', 'is', null).where(sql<SqlBool>`${basis('t')} < ${soon}::timestamptz`)
    .select(['t.id', 't.name', 'o.name as organisation_name', 't.last_verified_at', 't.created_at', 't.version', basis('t').as('basis')]);
  if (reach) teams = reach.length ? teams.where('t.id', 'in', [...reach]) : teams.where(sql<SqlBool>`false`);
  if (scope.organisationId) teams = teams.where('t.organisation_id', '=', scope.organisationId);
  if (scope.teamId) teams = teams.where('t.id', '=', scope.teamId);

  // People: working now in a team in reach (and in the scope's organisation or team).
  let people = db.selectFrom('people as p')
    .where('p.archived_at', 'is', null).where(sql<SqlBool>`${basis('p')} < ${soon}::timestamptz`)
    .select(['p.id', sql<string>`p.given_name || ' ' || p.family_name`.as('name'), 'p.last_verified_at', 'p.created_at', 'p.version', basis('p').as('basis')])
    .select(sql<string | null>`(select min(o.name) from memberships m join teams t on t.id = m.team_id join organisations o on o.id = t.organisation_id
      where m.person_id = p.id and t.archived_at is null and ${isCurrentMembership('m')})`.as('organisation_name'));
  // people the audience edits (their employer's editors) who work in some team now: someone who left every team shows nowhere
  people = people.where(peopleEditableBy(audience, 'p')).where((eb) => eb.exists(eb.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select('m.id').whereRef('m.person_id', '=', 'p.id').where(isCurrentMembership('m')).where('t.archived_at', 'is', null)));
  if (scope.organisationId) people = people.where('p.organisation_id', '=', scope.organisationId);
  if (scope.teamId) {
    people = people.where((eb) => eb.exists(eb.selectFrom('memberships as m').select('m.id')
      .whereRef('m.person_id', '=', 'p.id').where(isCurrentMembership('m')).where('m.team_id', '=', scope.teamId!)));
  }
  const [teamRows, personRows] = await Promise.all([teams.orderBy('basis').limit(limit).execute(), people.orderBy('basis').limit(limit).execute()]);
  const item = (kind: 'team' | 'person', r: typeof teamRows[number] | typeof personRows[number]): ReviewItem => ({
    kind, id: r.id, name: r.name, organisation_name: r.organisation_name ?? null,
    last_verified_at: r.last_verified_at, counted_from: new Date(r.basis).toISOString(),
    age_days: Math.floor((now.getTime() - new Date(r.basis).getTime()) / 86_400_000), version: r.version,
    link: kind === 'team' ? `/teams/${r.id}` : `/mensen/${r.id}`,
    ...stalenessOf(r.last_verified_at, r.created_at, now),
  });
  return [...teamRows.map((r) => item('team', r)), ...personRows.map((r) => item('person', r))]
    .sort((a, b) => a.counted_from.localeCompare(b.counted_from) || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Months of the policy, for the page's explanation. */
export const reviewPolicy = () => ({ stale_after_months: stalenessPolicy().afterMonths, grace_months: stalenessPolicy().graceMonths, soon_days: SOON_DAYS });
