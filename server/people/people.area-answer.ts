// "Wie werkt hier" put together from its rows (the area, the teams serving it, their current
// memberships) and the people as the audience sees them (presentPeople).
//
// A professional's answer for a buurt holds some 120–150 members. When the people come from
// what is kept under the directory's state (presentPeople hands the same map to every answer
// for the same viewer and list, see isSharedPeople), the answer made of them is kept beside
// that map, frozen, for the rows it was made of: the next answer with rows that say the same
// is the same object, and its JSON is written once (people.cards-json.ts). The rows are read
// anew for every answer and compared in full, so nothing here can be older than what the
// database just said; the people are exact for their state (people.cache.ts).
import { deepFreeze } from './people.cache';
import type { AreaPeople } from './people.schemas';
import { isSharedPeople } from './people.present';
import { cardOf, type Person } from './people.visibility';

/** A current membership as read for the answer: WHICH person in which team, not what of them. */
export interface MemberRow { id: string; team_id: string; person_id: string; role: string; is_contact_person: boolean; since: string | null }
type Area = AreaPeople['area'];
type TeamRow = AreaPeople['teams'][number]['team'];

// Per shared map of people, its answers by the rows they were made of: a handful at most
// (one buurt's rows, or a wijk's that lists the same people); bounded all the same.
const MAX_PER_PEOPLE = 8;
const answers = new WeakMap<ReadonlyMap<string, Person>, Map<string, AreaPeople>>();

export function areaAnswer(area: Area, teams: readonly TeamRow[], rows: readonly MemberRow[], people: ReadonlyMap<string, Person>): AreaPeople {
  if (!isSharedPeople(people)) return build(area, teams, rows, people);
  let kept = answers.get(people);
  if (!kept) answers.set(people, (kept = new Map()));
  const key = rowsKey(area, teams, rows);
  let answer = kept.get(key);
  if (!answer) {
    answer = deepFreeze(build(area, teams, rows, people));
    if (kept.size >= MAX_PER_PEOPLE) kept.clear();
    kept.set(key, answer);
  }
  return answer;
}

function build(area: Area, teams: readonly TeamRow[], rows: readonly MemberRow[], people: ReadonlyMap<string, Person>): AreaPeople {
  const byTeam = new Map(teams.map((t) => [t.id, { members: [] as AreaPeople['teams'][number]['members'], hidden: 0 }]));
  for (const r of rows) {
    const team = byTeam.get(r.team_id);
    if (!team) continue;
    const person = people.get(r.person_id);
    if (person) team.members.push({ role: r.role, is_contact_person: r.is_contact_person, since: r.since, person: cardOf(person) });
    else team.hidden += 1;
  }
  return {
    area: { code: area.code, kind: area.kind, name: area.name },
    teams: teams.map((t) => {
      const { members, hidden } = byTeam.get(t.id)!;
      return {
        team: { id: t.id, name: t.name, team_type: t.team_type, category: t.category, organisation: t.organisation, coverage: t.coverage },
        members, hidden_member_count: hidden,
      };
    }),
  };
}

/** Everything of the rows the answer is made of, as one string (the people are the map's). */
function rowsKey(area: Area, teams: readonly TeamRow[], rows: readonly MemberRow[]): string {
  let key = JSON.stringify([area.code, area.kind, area.name]);
  for (const t of teams) key += `\n${JSON.stringify([t.id, t.name, t.team_type, t.category, t.organisation.id, t.organisation.name, t.coverage])}`;
  key += '\n';
  for (const r of rows) key += `${r.team_id},${r.person_id},${r.is_contact_person ? 1 : 0},${r.since ?? '-'},${JSON.stringify(r.role)};`;
  return key;
}
