import { z } from 'zod';
import { MayFlags } from '../http/schemas';
import { KeyList, PageQuery, Paged, SearchText, Uuid } from '../http/schemas';
import { Person, PersonCard } from './people.visibility';

export const PeopleQuery = PageQuery.extend({
  team: Uuid.optional().describe('Only current members of this team'),
  topic: KeyList.optional().describe('"Vraag mij over": expertise topic key(s)'),
  q: SearchText.optional().describe('Part of the name or job title'),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

const PersonMembership = z.object({
  team: z.object({ id: z.string(), name: z.string(), team_type: z.string(), organisation_name: z.string() }),
  role: z.string(), is_contact_person: z.boolean(), since: z.string().nullable(),
});
export const PersonDetail = z.object({ person: Person, memberships: z.array(PersonMembership), may: MayFlags.optional() });
export const PeopleList = Paged(Person);

/** A person in a team's member list (also used by teams and the area's people). */
export const Member = z.object({
  role: z.string(), is_contact_person: z.boolean(), since: z.string().nullable(), person: Person,
  membership_id: z.string().optional().describe('Signed-in viewers only: to edit or end this membership'),
});

/** A member in a long list: the person as a card (people.visibility.ts); editing a membership starts from the team page. */
export const MemberCard = Member.omit({ membership_id: true }).extend({ person: PersonCard });

export const AreaPeople = z.object({
  area: z.object({ code: z.string(), kind: z.enum(['gemeente', 'wijk', 'buurt']), name: z.string() }),
  teams: z.array(z.object({
    team: z.object({
      id: z.string(), name: z.string(), team_type: z.string(), category: z.string(),
      organisation: z.object({ id: z.string(), name: z.string() }), coverage: z.string(),
    }),
    members: z.array(MemberCard).describe('Each person as a card: name, face, job, the lines to call; the whole person at /api/people/{id}'),
    /** Current members this audience may not see (residents: those who did not opt in). */
    hidden_member_count: z.number().int(),
  })).describe('Teams serving the area, in the area page\'s order (first points of contact first)'),
});
export type AreaPeople = z.infer<typeof AreaPeople>;
