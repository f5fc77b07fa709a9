// Zod contracts of /hsds. Responses are described loosely (HSDS objects carry many
// optional fields); the tests hold every response to the official compiled schemas.
import { z } from 'zod';
import { SearchText, Uuid } from '../http/schemas';

const HSDS_MAX_PER_PAGE = 100;

export const HsdsPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  // HSDS clients ask for big pages; more than 100 is quietly capped rather than refused.
  per_page: z.coerce.number().int().min(1).default(50).transform((n) => Math.min(n, HSDS_MAX_PER_PAGE)),
});

const Search = SearchText.optional().transform((s) => s || undefined).describe('Full text in name, organisation or description');
const ModifiedAfter = z.string().max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'Must be an ISO-8601 date or date-time')
  .transform((s) => new Date(s).toISOString());

export const ServiceQuery = HsdsPageQuery.extend({
  search: Search,
  taxonomy_term_id: Uuid.optional().describe('Only services with this taxonomy term (team type or topic)'),
  taxonomy_id: Uuid.optional().describe('Only services with any term of this taxonomy'),
  organization_id: Uuid.optional().describe('Only services of this organization'),
  modified_after: ModifiedAfter.optional().describe('Only services changed on or after this date-time'),
});
export type ServiceQuery = z.infer<typeof ServiceQuery>;

export const OrganizationQuery = HsdsPageQuery.extend({ search: Search });
export const TaxonomyTermQuery = HsdsPageQuery.extend({ search: Search, taxonomy_id: Uuid.optional() });

export const HsdsObject = z.looseObject({ id: z.string() });
export const HsdsPage = z.looseObject({
  total_items: z.number().int(), total_pages: z.number().int(), page_number: z.number().int(), size: z.number().int(),
  first_page: z.boolean(), last_page: z.boolean(), empty: z.boolean(), contents: z.array(HsdsObject),
});
export const HsdsMeta = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() });
