// Zod contracts of /hsds. Responses are described loosely (HSDS objects carry many
// optional fields); the tests hold every response to the official compiled schemas.
import { z } from 'zod';
import { SearchText, Uuid } from '../http/schemas';

const HSDS_MAX_PER_PAGE = 100;

export const HsdsPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  // HSDS clients ask for big pages; more than 100 is quietly capped rather than refused.
  per_page: z.coerce.number().int().min(1).default(50).transform((n) => Math.min(n, HSDS_MAX_PER_PAGE)),
  format: z.enum(['json', 'ndjson']).default('json').describe('json: one page; ndjson: every result, one JSON object per line, without pages'),
});

const Search = SearchText.optional().transform((s) => s || undefined).describe('Full text in name, organisation or description');
const ModifiedAfter = z.string().max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'Must be an ISO-8601 date or date-time')
  .transform((s) => new Date(s).toISOString());

/** HSDS booleans in a query string: true/false (1/0 also). */
const Flag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));
const Full = Flag.describe('true (default): fully nested records; false: one-to-one fields only (the HSDS list shape)');

export const ServiceQuery = HsdsPageQuery.extend({
  search: Search,
  taxonomy_term_id: Uuid.optional().describe('Only services with this taxonomy term (team type or topic)'),
  taxonomy_id: Uuid.optional().describe('Only services with any term of this taxonomy'),
  organization_id: Uuid.optional().describe('Only services of this organization'),
  modified_after: ModifiedAfter.optional().describe('Only services changed on or after this date-time'),
});
export type ServiceQuery = z.infer<typeof ServiceQuery>;

export const ServiceListQuery = ServiceQuery.extend({
  minimal: Flag.describe("true: only each service's id and last_modified"),
  full: Full,
});

export const ServiceAtLocationQuery = ServiceQuery.extend({
  full: Full,
  postcode: z.string().trim().max(8).regex(/^[1-9][0-9]{3}\s?([A-Za-z]{2})?$/, 'Een Nederlandse postcode: 1234 of 1234 AB').optional()
    .transform((s) => s?.replace(/\s+/g, '').toUpperCase())
    .describe('Only teams whose work area holds this postcode (its PC4 part); with proximity: locations near it instead'),
  proximity: z.coerce.number().int().min(1).max(100_000).optional().describe('With postcode: only locations within this many metres of the centre of the postcode'),
}).refine((q) => q.proximity === undefined || q.postcode !== undefined, { path: ['proximity'], message: 'proximity needs a postcode' });

export const OrganizationQuery = HsdsPageQuery.extend({
  search: Search,
  full: Flag.describe('true: each organization with its services (one-to-one fields)'),
  full_service: Flag.describe('true: each organization with its services fully nested'),
});
export const OrganizationByIdQuery = z.object({ full_service: Flag.describe('true: its services fully nested (default: one-to-one fields)') });
export const TaxonomyTermQuery = HsdsPageQuery.extend({
  search: Search, taxonomy_id: Uuid.optional(),
  top_only: Flag.describe('true: only top-level terms (team categories, life domains)'),
  parent_id: Uuid.optional().describe('Only the terms directly under this term'),
});

export const HsdsObject = z.looseObject({ id: z.string() });
const HsdsPageBody = z.looseObject({
  total_items: z.number().int(), total_pages: z.number().int(), page_number: z.number().int(), size: z.number().int(),
  first_page: z.boolean(), last_page: z.boolean(), empty: z.boolean(), contents: z.array(HsdsObject),
});
/** A list answer: one page as JSON, or with format=ndjson every result as a line of its own. */
export const HsdsPage = {
  description: 'One page (json), or every result, one per line (format=ndjson)',
  content: { 'application/json': { schema: HsdsPageBody }, 'application/x-ndjson': { schema: z.string() } },
};
export const HsdsMeta = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() });
