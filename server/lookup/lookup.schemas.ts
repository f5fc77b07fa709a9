import { z } from 'zod';
import { Person } from '../people/people.visibility';

// Each form of the question is validated on its own so a 400 names the field; the
// object-level check then demands exactly one form (address | postcode+number | lat+lon).
const Postcode = z.string().trim()
  .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'Must be a Dutch postcode like 1234AB or 1234 ab')
  .transform((s) => s.replace(' ', '').toUpperCase());
const HouseNumberText = z.string().trim()
  .regex(/^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,4})?$/, 'Must be a house number like 12, 12A or 12-2')
  .transform((s) => {
    const [, digits, addition] = /^(\d+)[ -]?(.*)$/.exec(s)!;
    return { number: Number(digits), addition: addition ? addition.toUpperCase() : null };
  });
const Degrees = (max: number) => z.string().trim()
  .regex(/^-?\d{1,3}(?:\.\d{1,20})?$/, 'Must be a decimal number of degrees (WGS84)')
  .transform(Number)
  .pipe(z.number().min(-max).max(max));

const FORMS = { address: ['address'], postcode: ['postcode', 'number'], coordinate: ['lat', 'lon'] } as const;

export const LookupQuery = z.object({
  address: z.string().trim().min(3, 'At least 3 characters').max(200, 'At most 200 characters')
    .regex(/^[^\p{Cc}]*$/u, 'No control characters').optional()
    .describe('Free text, e.g. "Lijsterstraat 20, Amersfoort"'),
  postcode: Postcode.optional().describe('1234AB (with number)'),
  number: HouseNumberText.optional().describe('House number with optional addition: 12, 12A, 12-2'),
  lat: Degrees(90).optional().describe('Latitude (WGS84), with lon'),
  lon: Degrees(180).optional().describe('Longitude (WGS84), with lat'),
}).superRefine((q, ctx) => {
  const given = (Object.keys(FORMS) as (keyof typeof FORMS)[])
    .filter((form) => FORMS[form].some((field) => q[field] !== undefined));
  if (given.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'Give address, or postcode and number, or lat and lon' });
  } else if (given.length > 1) {
    const extra = given.slice(1).flatMap((form) => FORMS[form]);
    ctx.addIssue({ code: 'custom', path: [extra[0]!], message: `Give only one of: address | postcode+number | lat+lon (got ${given.join(', ')})` });
  } else {
    for (const field of FORMS[given[0]!]) {
      if (q[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required with ${FORMS[given[0]!].join(' and ')}` });
    }
  }
});
export type LookupQuery = z.infer<typeof LookupQuery>;

const AreaRef = z.object({ code: z.string(), name: z.string() });

const LookupContact = z.object({ role: z.string(), person: Person });
export const LookupTeam = z.object({
  id: z.string(), name: z.string(), team_type: z.string(),
  /** Why this team is listed for the address: its category (first_contact first). */
  role: z.string(), category: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  coverage: z.string(), access: z.string(), public_phone: z.string().nullable(),
  /** The person(s) to call, as the audience may see them. */
  contacts: z.array(LookupContact),
  /** Contact persons this audience may not see (sign in to see them). */
  hidden_contacts: z.number().int(),
});
const NearestLocation = z.object({
  team: z.object({ id: z.string(), name: z.string(), team_type: z.string(), organisation: z.object({ id: z.string(), name: z.string() }) }),
  location: z.object({ id: z.string(), address: z.string(), lat: z.number(), lon: z.number() }),
  distance_m: z.number().int(),
});

export const LookupResult = z.object({
  /** The address as the geocoder names it; null for a coordinate or an approximation. */
  address: z.string().nullable(),
  /** True when the area is a guess (PC4 postcode area), shown with the label below. */
  approximate: z.boolean(),
  /** The approximation in Dutch words ("Benadering: …"), for API readers; null when exact. */
  approximation: z.string().nullable(),
  /** Why the answer is approximate, so a client can say it in its reader's language; null when exact. */
  approximation_reason: z.enum(['geocoder_offline', 'address_not_found']).nullable(),
  /** How the buurt was found: geocoder code, point in our boundaries, or PC4 postcode. */
  resolved_by: z.enum(['geocoder', 'polygon', 'postcode', 'none']),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  area: z.object({ buurt: AreaRef.nullable(), wijk: AreaRef.nullable(), gemeente: AreaRef.nullable() }),
  /** With a PC4 approximation spanning several buurten: all of them (teams are their union). */
  candidates: z.array(AreaRef),
  /** Set when there is nothing to show, e.g. an address outside every known area. */
  message: z.string().nullable(),
  teams: z.array(LookupTeam),
  nearest: z.array(NearestLocation),
});
export type LookupResult = z.infer<typeof LookupResult>;
export type LookupTeam = z.infer<typeof LookupTeam>;
