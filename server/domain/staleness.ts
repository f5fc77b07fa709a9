// THE staleness rule, in one place. An entry (team or person) counts from its last
// verification (or, never verified, from its creation): after STALE_AFTER_MONTHS it is
// stale (marked in app and API), after STALE_GRACE_MONTHS more it is hidden from
// residents; professionals still see it, marked. The SQL filters in team-visibility.ts
// and people/people.visibility.ts take their cut-off dates from here.
//
// The policy is module-level on purpose: many callers build only an audience (or none,
// like the map cache and the HSDS export), and each must hide exactly the same rows.
// buildApp sets it from config and the app's clock, so tests drive it with a fake clock.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

interface StalenessPolicy { afterMonths: number; graceMonths: number; clock: () => Date }

let policy: StalenessPolicy = { afterMonths: 12, graceMonths: 3, clock: () => new Date() };

export function setStalenessPolicy(next: StalenessPolicy): void { policy = { ...next }; }
export function stalenessPolicy(): Readonly<StalenessPolicy> { return policy; }

/** `date` minus whole months, at the start of that UTC day (day steps keep caches keyed per day). */
function monthsBefore(date: Date, months: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Entries counted from before this moment are stale. */
export function staleCutoff(now = policy.clock()): Date { return monthsBefore(now, policy.afterMonths); }
/** Entries counted from before this moment are hidden from residents. */
export function hiddenCutoff(now = policy.clock()): Date { return monthsBefore(now, policy.afterMonths + policy.graceMonths); }

/** SQL: the moment an entry's age counts from (alias of a teams or people row). */
export function verifiedBasis(alias: string): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(`${alias}.last_verified_at`)}, ${sql.ref(`${alias}.created_at`)})`;
}

/** SQL: is the row hidden from residents now? */
export function hiddenFromResidents(alias: string, now = policy.clock()): RawBuilder<SqlBool> {
  return sql<SqlBool>`${verifiedBasis(alias)} < ${hiddenCutoff(now).toISOString()}::timestamptz`;
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

interface Staleness { stale: boolean; stale_since: string | null; hidden_from_residents: boolean; hidden_from_residents_at: string }

/** The staleness fields of an entry for responses, from its last verification or creation. */
export function stalenessOf(lastVerifiedAt: string | Date | null, createdAt: string | Date, now = policy.clock()): Staleness {
  const basis = new Date(lastVerifiedAt ?? createdAt);
  const staleAt = addMonths(basis, policy.afterMonths);
  const hiddenAt = addMonths(basis, policy.afterMonths + policy.graceMonths);
  return {
    stale: basis < staleCutoff(now),
    stale_since: basis < staleCutoff(now) ? staleAt.toISOString() : null,
    hidden_from_residents: basis < hiddenCutoff(now),
    hidden_from_residents_at: hiddenAt.toISOString(),
  };
}
