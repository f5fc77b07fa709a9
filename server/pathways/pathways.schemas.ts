// The verwijswijzer's API contract (api.md "Pathways"): a pathway as stored (its steps'
// targets are team types, fixed services or instructions) and as resolved for an address
// (each team step names the serving team and its contact person as the caller may see them).
import { z } from 'zod';
import { AreaCode, Key, MayFlags, NullableTimestamp } from '../http/schemas';
import { StalenessFields } from '../domain/staleness.schemas';
import { Person } from '../people/people.visibility';

export const PATHWAY_AUDIENCES = ['professionals', 'residents', 'both'] as const;
export const PathwayAudience = z.enum(PATHWAY_AUDIENCES);
export const PathwayKey = z.string().regex(/^[a-z][a-z0-9_]{2,63}$/, 'Must be a key of 3 to 64 letters, digits or _ like jeugdige or schulden');
export const PathwayParams = z.object({ key: PathwayKey });

const Text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
const Phone = z.string().trim().regex(/^[0-9+][0-9 ()-]{1,19}$/, 'Must be a phone number like 0800-2000 or 112');

/** Where a step points: a team type (resolved per address), a fixed service, or an instruction only. */
export const StepTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team_type'), team_type: Key }),
  z.object({ kind: z.literal('service'), name: Text(120), phone: Phone.nullable().default(null), how: Text(300).nullable().default(null) }),
  z.object({ kind: z.literal('instruction') }),
]);

export const StoredStep = z.object({
  /** What to do, in the professional's words: "Overleg eerst met", "Bel bij spoed". */
  action: Text(120),
  /** The same for residents, in B1 ("Bel"); the professional words when absent. */
  resident_action: Text(120).nullable().default(null),
  /** When the step applies ("bij acuut gevaar"); null: always. */
  when: Text(200).nullable().default(null),
  /** More words: the instruction itself, or what to ask for. */
  note: Text(600).nullable().default(null),
  /** Who sees this step: meldcode steps are for professionals only. */
  audience: PathwayAudience.default('both'),
  target: StepTarget,
});
export type StoredStep = z.infer<typeof StoredStep>;

// The fields as sent, without defaults: a PATCH must change only what it names.
const PathwayFields = {
  audience: PathwayAudience,
  title: Text(160),
  situation: Text(600),
  resident_title: Text(160).nullable(),
  resident_situation: Text(600).nullable(),
  topics: z.array(Key).max(20),
  steps: z.array(StoredStep).min(1, 'At least one step').max(20, 'At most 20 steps'),
  sort_order: z.number().int().min(0).max(100_000),
};
export const PathwayWrite = z.object({
  ...PathwayFields,
  key: PathwayKey,
  resident_title: PathwayFields.resident_title.default(null),
  resident_situation: PathwayFields.resident_situation.default(null),
  topics: PathwayFields.topics.default([]),
  sort_order: PathwayFields.sort_order.default(0),
});
export type PathwayWrite = z.infer<typeof PathwayWrite>;
export const PathwayPatch = z.object(PathwayFields).partial();
export type PathwayPatch = z.infer<typeof PathwayPatch>;

export const PathwaySummary = z.object({
  key: z.string(), title: z.string(), situation: z.string(), audience: PathwayAudience, topics: z.array(z.string()),
  stale: z.boolean(),
});
export const PathwayList = z.object({ items: z.array(PathwaySummary) });
export const PathwayListQuery = z.object({
  topic: Key.optional().describe('Only pathways about this help topic'),
  team: z.string().uuid().optional().describe('Only pathways in which this team is a step for some buurt it serves'),
});

/** The pathway as stored, for its editors (admins) and for reading without an address. */
export const PathwayDetail = z.object({
  id: z.string(), key: z.string(), audience: PathwayAudience,
  title: z.string(), situation: z.string(), resident_title: z.string().nullable(), resident_situation: z.string().nullable(),
  topics: z.array(z.string()), steps: z.array(StoredStep), sort_order: z.number().int(),
  version: z.number().int(), updated_at: z.string(), last_verified_at: NullableTimestamp, created_at: z.string(),
  ...StalenessFields,
  may: MayFlags,
});
export type PathwayDetail = z.infer<typeof PathwayDetail>;

const TeamRef = z.object({ id: z.string(), name: z.string(), team_type: z.string() });

export const ResolvedStep = z.object({
  order: z.number().int(),
  kind: z.enum(['team', 'service', 'instruction']),
  action: z.string(),
  when: z.string().nullable(),
  note: z.string().nullable(),
  /** The team type the step asks for (team steps). */
  team_type: z.string().nullable(),
  /** The team serving this address (null: none of this type here, see `missing`). */
  team: TeamRef.nullable(),
  /** Its contact person as the caller may see them (06 only for signed-in accounts). */
  contact: Person.nullable(),
  /** Contact persons of the team this caller may not see. */
  hidden_contacts: z.number().int(),
  /** The team's public number, or the fixed service's. */
  phone: z.string().nullable(),
  /** The fixed service's name, or how to reach the team (walk-in hours, e-mail). */
  service: z.string().nullable(),
  how: z.string().nullable(),
  missing: z.object({
    message: z.string().describe('"Geen team van dit soort hier"'),
    nearest: TeamRef.nullable().describe('The nearest team of that type, by its locations or service area'),
  }).nullable(),
});
export type ResolvedStep = z.infer<typeof ResolvedStep>;

export const ResolvedPathway = z.object({
  key: z.string(), title: z.string(), situation: z.string(), audience: PathwayAudience,
  area: z.object({ buurt: z.object({ code: z.string(), name: z.string() }).nullable(), approximate: z.boolean(), address: z.string().nullable() }),
  stale: z.boolean(),
  steps: z.array(ResolvedStep),
});
export type ResolvedPathway = z.infer<typeof ResolvedPathway>;

export const ResolveQuery = z.object({
  area: AreaCode.optional().describe('A buurt code (BU…); instead of postcode and number'),
  postcode: z.string().optional().describe('1234AB, with number'),
  number: z.string().optional().describe('House number, with postcode'),
  address: z.string().optional().describe('Free text address'),
  lat: z.string().optional(), lon: z.string().optional(),
});
export type ResolveQuery = z.infer<typeof ResolveQuery>;

/** Several pathways resolved for one address (the huisarts's address answer shows them all). */
export const ResolvedPathways = z.object({ items: z.array(ResolvedPathway) });
