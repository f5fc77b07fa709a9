// What editors may send for a team. Strict: an unknown field, or one the caller may not
// set (version, verification, archive dates), is a 400 naming it and changes nothing.
import { z } from 'zod';
import { teamServiceFields } from '../services/services.write-schemas';
import { BuurtCode, Email, Name, NullableText, nonEmpty, Phone, TaxonomyKey, Text, Uuid, WebUrl } from '../editing/editing.fields';

export const AccessRoute = z.enum(['walk_in', 'self_referral', 'gp_referral', 'district_team_referral', 'municipal_decision']);

const fields = {
  name: Name,
  team_type: TaxonomyKey,
  description: Text(4000),
  target_groups: z.array(Text(80).min(1)).max(20),
  access: AccessRoute,
  funding: NullableText(80),
  public_phone: Phone,
  public_email: Email,
  website: WebUrl,
  walk_in_hours: NullableText(400),
  /** Help topics (taxonomy keys); replaces the list. */
  topics: z.array(TaxonomyKey).max(40),
  /** The buurten served (CBS buurt codes only); replaces the service area. */
  areas: z.array(BuurtCode).max(2000),
  /** Locations the team works from; replaces the list. */
  location_ids: z.array(Uuid).max(30),
  /** Service data (issue 16): schedules, phones, languages, costs, age limits, documents; each list replaces the stored one. */
  ...teamServiceFields,
};

export const TeamCreate = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> },
  name: Name,
  team_type: TaxonomyKey,
  organisation_id: Uuid,
});
export type TeamCreate = z.infer<typeof TeamCreate>;

/** Admins may also move a team to another organisation; editors may not (400 naming it). */
export const TeamPatch = z.strictObject({ ...fields, organisation_id: Uuid }).partial()
  .refine(nonEmpty, { message: 'Nothing to change', path: ['body'] });
export type TeamPatch = z.infer<typeof TeamPatch>;
