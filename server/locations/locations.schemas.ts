import { z } from 'zod';
import { NullableTimestamp, Timestamp } from '../http/schemas';
import { nonEmpty, NullableText, Text, Uuid } from '../editing/editing.fields';
import { MayFlags } from '../http/schemas';
import { LocationServiceFields } from '../services/services.schemas';
import { locationServiceFields } from '../services/services.write-schemas';

export const Location = z.object({
  id: z.string(), name: z.string().nullable(), street: z.string(), house_number: z.string(), postcode: z.string(), city: z.string(),
  lat: z.number(), lon: z.number(), buurt_code: z.string().nullable(), opening_hours: z.string().nullable(),
  ...LocationServiceFields,
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  version: z.number().int(), updated_at: Timestamp, last_verified_at: NullableTimestamp,
  may: MayFlags.optional(),
});

const fields = {
  name: NullableText(120),
  street: Text(120).min(2),
  house_number: Text(20).min(1),
  postcode: z.string().trim().toUpperCase().transform((s) => s.replace(/\s+/g, '')).pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, 'Een postcode als 7551 AB')),
  city: Text(80).min(2),
  lat: z.number().min(50.7, 'Ligt niet in Nederland').max(53.6, 'Ligt niet in Nederland'),
  lon: z.number().min(3.3, 'Ligt niet in Nederland').max(7.3, 'Ligt niet in Nederland'),
  opening_hours: NullableText(400),
  /** Service data (issue 16): opening hours as schedules, phones, accessibility; each list replaces the stored one. */
  ...locationServiceFields,
};
export const LocationCreate = z.strictObject({
  ...fields, name: fields.name.optional(), opening_hours: fields.opening_hours.optional(),
  schedules: fields.schedules.optional(), phones: fields.phones.optional(), accessibility: fields.accessibility.optional(),
  organisation_id: Uuid.optional().describe('The owning organisation (others may link to it, never edit it); default: the editor\'s own'),
});
export const LocationPatch = z.strictObject(fields).partial().refine(nonEmpty, { message: 'Nothing to change', path: ['body'] });
export type LocationCreate = z.infer<typeof LocationCreate>;
export type LocationPatch = z.infer<typeof LocationPatch>;
