// Getting to know the wijk: the pack, the private "met" marks, the change feed and the digest.
// People appear as `{ person, new_in_wijk }`: the shared person schema stays as it is.
import { z } from 'zod';
import { AreaCode, Timestamp, Uuid } from '../http/schemas';
import { Person } from '../people/people.visibility';

const AreaRef = z.object({ code: z.string(), kind: z.enum(['gemeente', 'wijk', 'buurt']), name: z.string() });
const TeamRef = z.object({ id: z.string(), name: z.string(), team_type: z.string() });
const Text2 = z.object({ nl: z.string(), en: z.string() });

export const KennismakenQuery = z.object({ area: AreaCode.optional().describe('Wijk or buurt; default: the chosen wijk, else the wijk your teams serve') });

const PackMember = z.object({
  person: Person, new_in_wijk: z.boolean(), role: z.string(), is_contact_person: z.boolean(),
  /** Only in the caller's own pack: whether the caller marked this person as met. */
  met: z.boolean(),
});

const PackTeam = z.object({
  id: z.string(), name: z.string(), team_type: z.string(), category: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }), coverage: z.string(),
  description: z.string(), access: z.string(), public_phone: z.string().nullable(), public_email: z.string().nullable(),
  website: z.string().nullable(), walk_in_hours: z.string().nullable(),
  when_to_call: Text2.nullable(),
  /** One of the team types this caller's own team type should meet first. */
  priority: z.boolean(),
  buurten: z.array(z.string()),
  members: z.array(PackMember),
  hidden_member_count: z.number().int(),
});

const Progress = z.object({ team_type: z.string(), label_nl: z.string(), label_en: z.string(), met: z.number().int(), total: z.number().int() });

const Suggestion = z.object({
  person: Person, new_in_wijk: z.boolean(), team: TeamRef,
  reason: z.enum(['relevant_team', 'same_buurten', 'in_wijk']),
});

export const Pack = z.object({
  area: AreaRef.nullable().describe('null: no wijk known yet; choose one (PUT /api/me/home-area)'),
  area_source: z.enum(['query', 'chosen', 'teams']).nullable(),
  own_team_types: z.array(z.string()),
  /** The team types this caller meets first, in order (from domain/kennismaken.ts). */
  meet_first: z.array(z.string()),
  teams: z.array(PackTeam),
  progress: z.array(Progress),
  suggestions: z.array(Suggestion),
});
export type Pack = z.infer<typeof Pack>;

export const PersonParams = z.object({ person_id: Uuid });
export const HomeAreaBody = z.strictObject({ area: AreaCode });
export const AreaBody = z.strictObject({ area: AreaCode });
export const HomeArea = z.object({ area: AreaRef.nullable() });
export const Subscriptions = z.object({ areas: z.array(AreaRef) });

export const ChangesParams = z.object({ code: AreaCode });
export const ChangesQuery = z.object({
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('ISO date or date-time; default: 8 weeks ago'),
});

const ChangeKind = z.enum(['joined', 'left', 'role_changed', 'started_serving', 'stopped_serving']);
export const Change = z.object({
  at: Timestamp, kind: ChangeKind, team: TeamRef,
  person: Person.nullable(), new_in_wijk: z.boolean(),
  role: z.string().nullable(), previous_role: z.string().nullable(),
  /** Team events: the buurten of this area the team started or stopped serving. */
  buurten: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Change = z.infer<typeof Change>;
export const Changes = z.object({ area: AreaRef, since: Timestamp, items: z.array(Change) });
