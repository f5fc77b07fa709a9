// The teams serving a buurt (reusing teamsServing, so the order matches the area page:
// first points of contact first) with each team's contact person(s) as the audience may
// see them, shaped by the people feature like every other person in a response.
import type { Kysely } from 'kysely';
import { type teamsServing, teamsServingAny } from '../areas/areas.queries';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { membersOfTeams } from '../people/people.queries';
import type { LookupTeam } from './lookup.schemas';

const CATEGORY_RANK: Record<string, number> = { first_contact: 0, care: 1, welfare: 2, informal: 3, other: 4 };

type ServingTeam = Awaited<ReturnType<typeof teamsServing>>[number];

/** Teams serving any of the buurten (one for an address, several for a PC4 guess). */
export async function teamsForBuurten(db: Kysely<DB>, audience: Audience, buurtCodes: string[]): Promise<LookupTeam[]> {
  if (buurtCodes.length === 0) return [];
  const lists = [await teamsServingAny(db, buurtCodes, audience)]; // one query for every buurt of a PC4 guess
  const teams = mergeTeams(lists);
  // hidden counts the contact persons this audience may not see ("sign in to see who to call").
  const contacts = await membersOfTeams(db, audience, teams.map((t) => t.id), { contactsOnly: true });
  return teams.map((t) => {
    const { members, hidden } = contacts.get(t.id)!;
    return {
      id: t.id, name: t.name, team_type: t.team_type, role: t.category, category: t.category,
      organisation: t.organisation, coverage: t.coverage, access: t.access, public_phone: t.public_phone,
      contacts: members.map((m) => ({ role: m.role, person: m.person })),
      hidden_contacts: hidden,
    };
  });
}

// One list keeps teamsServing's order; several are merged and re-ranked by category
// (stable sort, so each list's own order survives within a category).
function mergeTeams(lists: ServingTeam[][]): ServingTeam[] {
  if (lists.length === 1) return lists[0]!;
  const byId = new Map<string, ServingTeam>();
  for (const list of lists) for (const t of list) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()].sort((a, b) => (CATEGORY_RANK[a.category] ?? 4) - (CATEGORY_RANK[b.category] ?? 4));
}
