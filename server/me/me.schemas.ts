import { z } from 'zod';

const MY_CONSENT_FIELDS = ['photo', 'ask_me_about', 'phone_work', 'email_work', 'photo_internal'] as const;
export type MyConsentField = (typeof MY_CONSENT_FIELDS)[number];

export const ConsentParams = z.object({
  field: z.enum(MY_CONSENT_FIELDS).describe('photo, ask_me_about, phone_work, email_work: residents may see it; photo_internal: colleagues may see my photo'),
});
export const ConsentState = z.object({
  photo_internal: z.boolean().describe('Colleagues (signed in) may see my photo'),
  public_profile: z.boolean().describe('Residents may find me (name and job title)'),
  public_fields: z.array(z.string()).describe('Fields residents may see, each by its own consent'),
});
export const PublicProfileBody = z.strictObject({ public: z.boolean() });
export const DeleteMeBody = z.strictObject({ confirm: z.string().max(320).describe('Your own e-mail address, to confirm') });
export const DataQuery = z.object({ download: z.enum(['0', '1']).optional().describe('1: as a file (Content-Disposition: attachment)') });
// The export is everything stored about the caller; its shape is documented in me.queries.ts.
export const MyData = z.record(z.string(), z.unknown());
