import { z } from 'zod';
import { IsoDate, NullableDate, Text, Uuid } from '../editing/editing.fields';
import { MayFlags } from '../http/schemas';

export const Membership = z.object({
  id: z.string(), person_id: z.string(), team_id: z.string(), role: z.string(), is_contact_person: z.boolean(),
  since: z.string().nullable(), until: z.string().nullable(), current: z.boolean(), version: z.number().int(),
  status: z.enum(['requested', 'current']).describe('requested: the team asked; it counts once the person\'s employer (or the person) accepts'),
  requested_at: z.string().nullable(), accepted_at: z.string().nullable(),
  may: MayFlags.optional(),
});

const fields = { role: Text(80).min(1), is_contact_person: z.boolean(), since: NullableDate, until: NullableDate };
export const MembershipCreate = z.strictObject({
  person_id: Uuid, team_id: Uuid,
  role: fields.role.optional(), is_contact_person: fields.is_contact_person.optional(),
  since: fields.since.optional(), until: fields.until.optional(),
});
// Ending is its own act (POST …/end), never a field among others: one way to end a membership.
const { until: _until, ...patchable } = fields;
export const MembershipPatch = z.strictObject(patchable).partial().refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change', path: ['body'] });

/** Leaving a team: the last day (default today), and who takes over as contact person (a current member). */
export const MembershipEnd = z.strictObject({ until: IsoDate.optional(), successor_person_id: Uuid.optional() });

export type MembershipCreate = z.infer<typeof MembershipCreate>;
export type MembershipPatch = z.infer<typeof MembershipPatch>;
export type MembershipEnd = z.infer<typeof MembershipEnd>;
