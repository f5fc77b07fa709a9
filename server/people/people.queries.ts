// People, always through presentPeople (people.present.ts): these queries only decide
// WHICH people (filters, memberships, paging); what of them is shown is people.visibility.ts's.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { likePattern } from '../db/sql';
import { teamsServing } from '../areas/areas.queries';
import { mayFlags, ownerOf } from '../domain/permissions';
import { isCurrentMembership } from '../domain/membership';
import { presentInOrder, presentPeople } from './people.present';
import { areaAnswer, type MemberRow } from './people.area-answer';
import type { AreaPeople, PeopleQuery } from './people.schemas';
import { expertiseVisible, type Person, personRowFilter } from './people.visibility';
import { teamVisibleTo } from '../domain/team-visibility';

interface Member { role: string; is_contact_person: boolean; since: string | null; person: Person; membership_id?: string }
interface TeamMembers { members: Member[]; hidden: number }

/** Current memberships of the teams (contact persons first, then by family name): WHICH people, not what of them. */
async function currentMemberRows(db: Kysely<DB>, teamIds: readonly string[], contactsOnly = false): Promise<MemberRow[]> {
  if (teamIds.length === 0) return [];
  let query = db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .where('m.team_id', 'in', [...teamIds]).where('p.archived_at', 'is', null).where(isCurrentMembership('m'))
    .select(['m.id', 'm.team_id', 'm.person_id', 'm.role', 'm.is_contact_person', 'm.since'])
    .orderBy('m.is_contact_person', 'desc').orderBy('p.family_name').orderBy('p.id');
  if (contactsOnly) query = query.where('m.is_contact_person', '=', true);
  return query.execute();
}

/**
 * The current members of each team as the audience may see them (contact persons first),
 * and per team how many current members this audience may not see.
 */
export async function membersOfTeams(db: Kysely<DB>, audience: Audience, teamIds: readonly string[],
  options: { contactsOnly?: boolean; state?: string } = {}): Promise<Map<string, TeamMembers>> {
  const byTeam = new Map<string, TeamMembers>(teamIds.map((id) => [id, { members: [], hidden: 0 }]));
  if (teamIds.length === 0) return byTeam;
  const rows = await currentMemberRows(db, teamIds, options.contactsOnly);
  const people = await presentPeople(db, audience, rows.map((r) => r.person_id), { state: options.state });
  for (const r of rows) {
    const team = byTeam.get(r.team_id)!;
    const person = people.get(r.person_id);
    // signed in: the membership's id, so an editor can address it (role, contact, leaving)
    const id = seesPublicOnly(audience) ? {} : { membership_id: r.id };
    if (person) team.members.push({ role: r.role, is_contact_person: r.is_contact_person, since: r.since, person, ...id });
    else team.hidden += 1;
  }
  return byTeam;
}

export async function listMembers(db: Kysely<DB>, audience: Audience, teamId: string, state?: string): Promise<TeamMembers> {
  return (await membersOfTeams(db, audience, [teamId], { state })).get(teamId)!;
}

export async function getPerson(db: Kysely<DB>, audience: Audience, id: string) {
  const person = (await presentPeople(db, audience, [id])).get(id);
  if (!person) return undefined;
  const memberships = await db.selectFrom('memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where('m.person_id', '=', id).where(teamVisibleTo(audience)).where(isCurrentMembership('m'))
    .select(['m.role', 'm.is_contact_person', 'm.since', 't.id', 't.name', 't.team_type', 'o.name as organisation_name'])
    .orderBy('t.name').execute();
  // signed in: what the caller may do with this person (the permission module's answer); residents: nothing
  const owner = audience.kind === 'anonymous' ? undefined : await ownerOf(db, 'person', id);
  return {
    person,
    ...(owner ? { may: mayFlags(audience, owner) } : {}),
    memberships: memberships.map((m) => ({
      role: m.role, is_contact_person: m.is_contact_person, since: m.since,
      team: { id: m.id, name: m.name, team_type: m.team_type, organisation_name: m.organisation_name },
    })),
  };
}

export async function listPeople(db: Kysely<DB>, audience: Audience, query: PeopleQuery) {
  let base = db.selectFrom('people as p').where(personRowFilter(audience));
  if (query.team) {
    // The same people as the team's member list: current memberships only.
    const team = query.team;
    base = base.where((eb) => eb.exists(eb.selectFrom('memberships as fm').select('fm.id')
      .whereRef('fm.person_id', '=', 'p.id').where('fm.team_id', '=', team).where(isCurrentMembership('fm'))));
  }
  if (query.topic?.length) {
    const topics = query.topic;
    base = base.where(expertiseVisible(audience)).where((eb) => eb.exists(eb.selectFrom('person_topics as fp')
      .select('fp.person_id').whereRef('fp.person_id', '=', 'p.id').where('fp.topic_key', 'in', topics)));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) => eb.or([eb('p.given_name', 'ilike', pattern), eb('p.family_name', 'ilike', pattern), eb('p.job_title', 'ilike', pattern)]));
  }
  const [page, count] = await Promise.all([
    base.select('p.id').orderBy('p.family_name').orderBy('p.id')
      .limit(query.per_page).offset((query.page - 1) * query.per_page).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = await presentInOrder(db, audience, page.map((r) => r.id));
  return { items, total: Number(count.n), page: query.page, per_page: query.per_page };
}

/**
 * "Wie werkt hier": the teams serving an area (the area page's order: first points of
 * contact first), each with its current members as the audience may see them.
 */
export async function peopleServingArea(db: Kysely<DB>, audience: Audience, code: string): Promise<AreaPeople | undefined> {
  const area = await db.selectFrom('areas').select(['code', 'kind', 'name']).where('code', '=', code).executeTakeFirst();
  if (!area) return undefined;
  const teams = await teamsServing(db, code, audience);
  const rows = await currentMemberRows(db, teams.map((t) => t.id));
  const people = await presentPeople(db, audience, rows.map((r) => r.person_id));
  return areaAnswer(area, teams, rows, people);
}
