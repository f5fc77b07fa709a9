// The staleness rule (staleness.ts) as every team and person answer states it: one set of
// response fields, shared by teams, people and the review list.
import { z } from 'zod';

/** Staleness of a team or person (domain/staleness.ts), on every team and person response. */
export const StalenessFields = {
  stale: z.boolean().describe('Not verified for STALE_AFTER_MONTHS: "te controleren"'),
  stale_since: z.string().nullable().describe('When it became stale (null while fresh)'),
  hidden_from_residents: z.boolean().describe('Hidden from residents (stale for STALE_GRACE_MONTHS more); professionals still see it'),
  hidden_from_residents_at: z.string().describe('When it is (or was) hidden from residents unless verified before'),
};
