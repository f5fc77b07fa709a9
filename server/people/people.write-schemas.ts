// What may be sent for a person. Strict: unknown fields are a 400 naming them. Publishing
// to residents (public_profile, published fields, photo_consent) is the person's own act:
// others who may edit can only withdraw it (the route enforces that).
import { z } from 'zod';
import { Email, Name, nonEmpty, NullableText, Phone, TaxonomyKey, Text, Uuid } from '../editing/editing.fields';

const ContactLevelInput = z.enum(['professionals', 'team']);
export const Weekday = z.enum(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
const PublishableField = z.enum(['photo', 'ask_me_about', 'phone_work', 'email_work']);

const fields = {
  given_name: Name,
  family_name: Name,
  pronouns: NullableText(40),
  job_title: Text(200),
  ask_me_about: Text(1000),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'Een taalcode zoals nl')).max(12),
  working_days: z.array(Weekday).max(7),
  phone_mobile: Phone,
  phone_mobile_visibility: ContactLevelInput,
  phone_work: Phone,
  phone_work_visibility: ContactLevelInput,
  email_work: Email,
  email_work_visibility: ContactLevelInput,
  availability_note: NullableText(1000),
  private_notes: NullableText(4000),
  /** Expertise topics ("vraag mij over"); replaces the list. */
  topics: z.array(TaxonomyKey).max(20),
  /** Name and job title shown to residents. */
  public_profile: z.boolean(),
  /** Colleagues may see my photo. */
  photo_consent: z.boolean(),
  /** The fields this person publishes to residents (each a dated consent); replaces the set. */
  published: z.array(PublishableField).max(4),
};
export const PersonPatch = z.strictObject(fields).partial().refine(nonEmpty, { message: 'Nothing to change', path: ['body'] });
export type PersonPatch = z.infer<typeof PersonPatch>;

/** A new colleague, created straight into a team the editor keeps. */
export const PersonCreate = z.strictObject({
  given_name: Name, family_name: Name, job_title: Text(200).optional(), pronouns: fields.pronouns.optional(),
  phone_mobile: Phone.optional(), phone_work: Phone.optional(), email_work: Email.optional(),
  team_id: Uuid, role: Text(80).min(1).optional(), is_contact_person: z.boolean().optional(),
});
export type PersonCreate = z.infer<typeof PersonCreate>;

/** Fields only the person may turn on (anyone who may edit may turn them off). */
export const OWN_CHOICES = ['public_profile', 'photo_consent', 'published'] as const;
