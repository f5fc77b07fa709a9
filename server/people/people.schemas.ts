import { z } from 'zod';
import { KeyList, PageQuery, Paged, SearchText, Uuid } from '../http/schemas';
import { VisiblePerson } from './visibility';

export const PeopleQuery = PageQuery.extend({
  team: Uuid.optional().describe('Only members of this team'),
  topic: KeyList.optional().describe('"Vraag mij over": expertise topic key(s)'),
  q: SearchText.optional().describe('Part of the name or job title'),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonMembership = z.object({
  team: z.object({ id: z.string(), name: z.string(), team_type: z.string(), organisation_name: z.string() }),
  role: z.string(), is_contact_person: z.boolean(), since: z.string().nullable(),
});
export const PersonDetail = z.object({ person: VisiblePerson, memberships: z.array(PersonMembership) });
export const PeopleList = Paged(VisiblePerson);
