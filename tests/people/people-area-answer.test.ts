// "Wie werkt hier" kept beside the people it is made of (server/people/people.area-answer.ts):
// the same object again only for the same shared people AND rows that say the same; any
// difference in the rows read (a role, a contact person, a membership gone, a team renamed)
// gives an answer made of those rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import type { Audience } from '../../server/domain/audience';
import { areaAnswer, type MemberRow } from '../../server/people/people.area-answer';
import { writeAreaPeople } from '../../server/people/people.cards-json';
import { isSharedPeople, presentPeople } from '../../server/people/people.present';
import { createSeededDatabase } from '../helpers/db';
import { audiences, type Fixture, insertFixture } from '../helpers/visibility-fixture';

let database: Database;
let f: Fixture;
let professional: Audience;
const area = { code: 'BU09990101', kind: 'buurt' as const, name: 'Modelbuurt' };
let teams: Parameters<typeof areaAnswer>[1];
let rows: MemberRow[];

beforeAll(async () => {
  database = await createSeededDatabase();
  f = await insertFixture(database.db);
  professional = audiences(f).find((a) => a.name === 'professional')!.audience();
  teams = [{ id: f.teamX, name: 'Fixture team X', team_type: 'social_district_team', category: 'first_contact', organisation: { id: f.orgA, name: 'Fixture A' }, coverage: 'buurt' }];
  rows = [f.subjects.open.id, f.subjects.endingToday.id].map((person_id, i) => ({
    id: `00000000-0000-4000-8000-00000000a00${i}`, team_id: f.teamX, person_id, role: 'member', is_contact_person: i === 0, since: '2020-01-01',
  }));
});
afterAll(async () => { await database?.close(); });

/** The people for `rows` as the kept path hands them out: the same map to every answer. */
async function sharedPeople() {
  const ids = rows.map((r) => r.person_id);
  await presentPeople(database.db, professional, ids); // kept under the state, view row and list written
  const people = await presentPeople(database.db, professional, ids);
  expect(await presentPeople(database.db, professional, ids)).toBe(people);
  expect(isSharedPeople(people)).toBe(true);
  return people;
}

describe('the area answer kept beside shared people', () => {
  it('is the same frozen object, written once, for the same rows', async () => {
    const people = await sharedPeople();
    const first = areaAnswer(area, teams, rows, people);
    expect(Object.isFrozen(first)).toBe(true);
    expect(areaAnswer(area, teams, rows.map((r) => ({ ...r })), people)).toBe(first);
    expect(writeAreaPeople(first)).toBe(writeAreaPeople(first));
    expect(first.teams[0]!.members.map((m) => m.person.id)).toEqual(rows.map((r) => r.person_id));
  });

  it('follows every difference in the rows, however small', async () => {
    const people = await sharedPeople();
    const first = areaAnswer(area, teams, rows, people);
    const changed = [
      rows.map((r, i) => (i === 1 ? { ...r, role: 'coördinator' } : r)),
      rows.map((r) => ({ ...r, is_contact_person: !r.is_contact_person })),
      rows.map((r, i) => (i === 0 ? { ...r, since: null } : r)),
      rows.slice(1),
    ];
    for (const variant of changed) {
      const answer = areaAnswer(area, teams, variant, people);
      expect(answer).not.toBe(first);
      expect(answer.teams[0]!.members.map((m) => [m.person.id, m.role, m.is_contact_person, m.since]))
        .toEqual(variant.map((r) => [r.person_id, r.role, r.is_contact_person, r.since]));
    }
    const renamed = areaAnswer(area, [{ ...teams[0]!, name: 'Team X, nieuw' }], rows, people);
    expect(renamed.teams[0]!.team.name).toBe('Team X, nieuw');
    expect(areaAnswer({ ...area, name: 'Andere buurt' }, teams, rows, people).area.name).toBe('Andere buurt');
    // a person the audience may not see counts as hidden, from the rows alone
    const unseen = areaAnswer(area, teams, [...rows, { ...rows[0]!, id: 'x', person_id: '00000000-0000-4000-8000-0000000000ff' }], people);
    expect(unseen.teams[0]!.hidden_member_count).toBe(1);
  });

  it('is made anew, and not kept, from people that are not shared', async () => {
    const people = new Map(await sharedPeople());
    expect(isSharedPeople(people)).toBe(false);
    const answer = areaAnswer(area, teams, rows, people);
    expect(Object.isFrozen(answer)).toBe(false);
    expect(areaAnswer(area, teams, rows, people)).not.toBe(answer);
  });
});
