// The teams serving a buurt (reusing teamsServing, so the order matches the area page:
// first points of contact first) with each team's contact person(s) as the audience may
// see them. People are selected only through the visibility module.
import { type Kysely, sql } from 'kysely';
import { teamsServing, teamsServingAny } from '../areas/areas.queries';
import type { DB } from '../db/types';
import type { Audience } from '../http/audience';
import { currentMembership } from '../people/people.queries';
import { personSchemaFor, selectVisiblePeople, type VisiblePerson, withDisplayName } from '../people/visibility';
import type { LookupTeam } from './lookup.schemas';

const CATEGORY_RANK: Record<string, number> = { first_contact: 0, care: 1, welfare: 2, informal: 3, other: 4 };

type ServingTeam = Awaited<ReturnType<typeof teamsServing>>[number];

/** Teams serving any of the buurten (one for an address, several for a PC4 guess). */
export async function teamsForBuurten(db: Kysely<DB>, audience: Audience, buurtCodes: string[]): Promise<LookupTeam[]> {
  if (buurtCodes.length === 0) return [];
  const lists = [await teamsServingAny(db, buurtCodes)]; // one query for every buurt of a PC4 guess
  const teams = mergeTeams(lists);
  const contacts = await contactsOf(db, audience, teams.map((t) => t.id));
  return teams.map((t) => ({
    id: t.id, name: t.name, team_type: t.team_type, role: t.category, category: t.category,
    organisation: t.organisation, coverage: t.coverage, access: t.access, public_phone: t.public_phone,
    contacts: contacts.visible.get(t.id) ?? [],
    hidden_contacts: Math.max(0, (contacts.total.get(t.id) ?? 0) - (contacts.visible.get(t.id)?.length ?? 0)),
  }));
}

// One list keeps teamsServing's order; several are merged and re-ranked by category
// (stable sort, so each list's own order survives within a category).
function mergeTeams(lists: ServingTeam[][]): ServingTeam[] {
  if (lists.length === 1) return lists[0]!;
  const byId = new Map<string, ServingTeam>();
  for (const list of lists) for (const t of list) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()].sort((a, b) => (CATEGORY_RANK[a.category] ?? 4) - (CATEGORY_RANK[b.category] ?? 4));
}

async function contactsOf(db: Kysely<DB>, audience: Audience, teamIds: string[]) {
  const visible = new Map<string, { role: string; person: VisiblePerson }[]>();
  const total = new Map<string, number>();
  if (teamIds.length === 0) return { visible, total };
  const [rows, counts] = await Promise.all([
    selectVisiblePeople(db, audience)
      .innerJoin('memberships as m', 'm.person_id', 'p.id')
      .where('m.team_id', 'in', teamIds).where('m.is_contact_person', '=', true).where(currentMembership)
      .select(['m.team_id as m_team', 'm.role as m_role'])
      // topics are public; fetched here rather than in a second round trip
      .select(sql<string[]>`array(select pt.topic_key from person_topics pt where pt.person_id = p.id order by pt.topic_key)`.as('topics'))
      .orderBy('p.family_name').orderBy('p.id')
      .execute(),
    // How many contact persons exist at all, so the UI can say "sign in to see who to call".
    db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .where('m.team_id', 'in', teamIds).where('m.is_contact_person', '=', true)
      .where('p.archived_at', 'is', null).where(currentMembership)
      .groupBy('m.team_id').select(['m.team_id', (eb) => eb.fn.countAll<string>().as('n')])
      .execute(),
  ]);
  for (const c of counts) total.set(c.team_id, Number(c.n));
  const schema = personSchemaFor(audience);
  for (const { m_team, m_role, ...person } of rows) {
    // Parsed with the audience's strict schema: a field that slipped through fails here.
    const shown = schema.parse(withDisplayName(person));
    visible.set(m_team, [...(visible.get(m_team) ?? []), { role: m_role, person: shown }]);
  }
  return { visible, total };
}
