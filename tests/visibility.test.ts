// The visibility rule, exercised for every audience through the one module that applies
// it (sign-in does not exist yet, so no request can claim an audience).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/database';
import type { Audience } from '../server/http/audience';
import { ANONYMOUS } from '../server/http/audience';
import { getPerson, listMembers, listPeople } from '../server/people/people.queries';
import { createSeededDatabase } from './helpers/db';

let database: Database;
beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(async () => { await database?.close(); });

async function anyMembership(publicProfile: boolean) {
  return database.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['p.id as person_id', 'm.team_id', 't.organisation_id'])
    .where('p.public_profile', '=', publicProfile).where('p.phone_mobile', 'is not', null)
    .orderBy('p.id').executeTakeFirstOrThrow();
}

const professional = (teamIds: string[] = []): Audience =>
  ({ kind: 'professional', accountId: 'a1', personId: null, teamIds, organisationIds: [] });

describe('people as each audience sees them', () => {
  it('residents see only people who opted in, and never a 06 number or work email', async () => {
    const hidden = await anyMembership(false);
    expect(await getPerson(database.db, ANONYMOUS, hidden.person_id)).toBeUndefined();
    const shown = await anyMembership(true);
    const found = await getPerson(database.db, ANONYMOUS, shown.person_id);
    expect(found?.person.id).toBe(shown.person_id);
    expect(found?.person).not.toHaveProperty('phone_mobile');
    expect(found?.person).not.toHaveProperty('private_notes');
    expect(found?.person).not.toHaveProperty('working_days');
    const all = await listPeople(database.db, ANONYMOUS, { page: 1, per_page: 100 });
    expect(all.items.every((p) => p.public_profile)).toBe(true);
  });

  it('professionals see everyone with their 06 number, but not team-only notes', async () => {
    const hidden = await anyMembership(false);
    const found = await getPerson(database.db, professional(), hidden.person_id);
    expect(found?.person).toHaveProperty('phone_mobile');
    expect((found?.person as { phone_mobile: string | null }).phone_mobile).toMatch(/^06/);
    expect((found?.person as { private_notes: string | null }).private_notes).toBeNull();
    const everyone = await listPeople(database.db, professional(), { page: 1, per_page: 100 });
    const residents = await listPeople(database.db, ANONYMOUS, { page: 1, per_page: 100 });
    expect(everyone.total).toBeGreaterThan(residents.total);
  });

  it('team members, the organisation\'s editors and admins see team-level fields', async () => {
    const withNotes = await database.db.selectFrom('people as p').innerJoin('memberships as m', 'm.person_id', 'p.id')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .select(['p.id', 'p.private_notes', 'm.team_id', 't.organisation_id']).where('p.private_notes', 'is not', null)
      .executeTakeFirstOrThrow();
    const notesFor = async (audience: Audience) =>
      ((await getPerson(database.db, audience, withNotes.id))?.person as { private_notes?: string | null }).private_notes;
    expect(await notesFor(professional([withNotes.team_id]))).toBe(withNotes.private_notes);
    expect(await notesFor({ kind: 'editor', accountId: 'e', personId: null, teamIds: [], organisationIds: [withNotes.organisation_id] })).toBe(withNotes.private_notes);
    expect(await notesFor({ kind: 'admin', accountId: 'x', personId: null, teamIds: [], organisationIds: [] })).toBe(withNotes.private_notes);
    expect(await notesFor(professional())).toBeNull();
    expect(await notesFor({ kind: 'editor', accountId: 'e', personId: null, teamIds: [], organisationIds: ['00000000-0000-0000-0000-000000000000'] })).toBeNull();
  });

  it('counts the team members a resident cannot see', async () => {
    const { team_id } = await anyMembership(false);
    const anon = await listMembers(database.db, ANONYMOUS, team_id);
    const pro = await listMembers(database.db, professional(), team_id);
    expect(pro.hidden).toBe(0);
    expect(anon.members.length + anon.hidden).toBe(pro.members.length);
    expect(anon.hidden).toBeGreaterThan(0);
  });
});
