// The service data contract (issue 16): what the API shows of a team's and a location's
// schedules, phones, languages, costs, age limits, documents and accessibility, and the
// residents' filters with the reasons a result matches. Zod only.
import { z } from 'zod';

const Flag = z.enum(['1', 'true']).transform(() => true as const);

export const ServiceFilterQuery = z.object({
  open_now: Flag.optional().describe('1: only teams open at this moment (Europe/Amsterdam), from their weekly hours and exceptions'),
  free: Flag.optional().describe('1: only teams with a free option ("gratis")'),
  no_referral: Flag.optional().describe('1: only teams a resident can go to without a referral (walk in or self referral)'),
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'An ISO 639 code like ar or tr').optional()
    .describe('ISO 639 code: only teams speaking it, or offering an interpreter'),
  age: z.coerce.number().int().min(0).max(120).optional().describe('Age in years: only teams whose age limits include it'),
  wheelchair: Flag.optional().describe('1: only teams with a wheelchair-accessible location'),
});
export type ServiceFilters = z.infer<typeof ServiceFilterQuery>;
export const FILTER_KEYS = Object.keys(ServiceFilterQuery.shape) as Array<keyof ServiceFilters>;

export const MatchReason = z.strictObject({
  filter: z.enum(FILTER_KEYS as [keyof ServiceFilters, ...Array<keyof ServiceFilters>]),
  nl: z.string(),
  en: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;



const ScheduleOut = z.object({
  id: z.string(), freq: z.string().nullable(), byday: z.array(z.string()).nullable(),
  opens_at: z.string().nullable(), closes_at: z.string().nullable(),
  valid_from: z.string().nullable(), valid_to: z.string().nullable(), closed: z.boolean(),
  description: z.string().nullable(), notes: z.string().nullable(),
}).describe('Weekly hours (freq WEEKLY) or an exception for valid_from..valid_to (freq null: closed, or these hours); Europe/Amsterdam');
const PhoneOut = z.object({ id: z.string(), number: z.string(), type: z.string(), description: z.string().nullable() });

/** A team's service data, on GET /api/teams/{id}. */
export const TeamServiceFields = {
  schedules: z.array(ScheduleOut),
  phones: z.array(PhoneOut),
  languages: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), note: z.string().nullable() })),
  interpretation_available: z.boolean(),
  cost_options: z.array(z.object({
    id: z.string(), kind: z.enum(['free', 'contribution', 'insurance', 'gemeente']), amount: z.number().nullable(),
    amount_description: z.string().nullable(), option: z.string().nullable(),
  })),
  fees_description: z.string().nullable(),
  minimum_age: z.number().int().nullable(),
  maximum_age: z.number().int().nullable(),
  eligibility_description: z.string().nullable(),
  required_documents: z.array(z.object({ id: z.string(), document: z.string(), uri: z.string().nullable() })),
};
/** A location's service data, on GET /api/locations/{id} and in a team's locations. */
export const LocationServiceFields = {
  schedules: z.array(ScheduleOut),
  phones: z.array(PhoneOut),
  accessibility: z.array(z.object({
    id: z.string(), kind: z.enum(['wheelchair', 'hearing_loop', 'parking', 'other']),
    description: z.string().nullable(), details: z.string().nullable(), url: z.string().nullable(),
  })),
};
