import { z } from 'zod';
import { UUID_PATTERN } from '../http/schemas';
import { StalenessFields } from '../domain/staleness.schemas';

export const ReviewQuery = z.object({
  scope: z.string().regex(UUID_PATTERN, 'Must be the UUID of an organisation or team you edit')
    .optional().describe('Only this organisation or team (default: everything you may edit)'),
});

const ReviewItem = z.object({
  kind: z.enum(['team', 'person']), id: z.string(), name: z.string(), organisation_name: z.string().nullable(),
  last_verified_at: z.string().nullable(), counted_from: z.string().describe('Last verification, or creation when never verified'),
  age_days: z.number().int().describe('Days since counted_from'), version: z.number().int().describe('For If-Match on POST …/verify'),
  link: z.string().describe('The page of the record in the web app'),
  verify_url: z.string().describe('POST here with If-Match: "<version>" to confirm "klopt nog"'),
  ...StalenessFields,
});

export const ReviewList = z.object({
  items: z.array(ReviewItem).describe('Stale or nearly stale records you may edit, stalest first'),
  stale_after_months: z.number().int(), grace_months: z.number().int(), soon_days: z.number().int(),
});
