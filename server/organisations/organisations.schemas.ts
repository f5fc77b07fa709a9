import { z } from 'zod';
import { MayFlags, NullableTimestamp, PageQuery, Paged, SearchText } from '../http/schemas';

export const OrganisationListQuery = PageQuery.extend({ q: SearchText.optional().describe('Part of the name') });
const Organisation = z.object({
  id: z.string(), name: z.string(), description: z.string(), website: z.string().nullable(),
  phone: z.string().nullable(), email: z.string().nullable(), team_count: z.number().int(),
  last_verified_at: NullableTimestamp,
});
export const OrganisationList = Paged(Organisation);
export const OrganisationDetail = Organisation.extend({
  version: z.number().int(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), team_type: z.string() })),
  may: MayFlags.optional(),
});
