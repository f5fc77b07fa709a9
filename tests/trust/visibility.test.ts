// The visibility rule through the functions every route uses (getPerson, listMembers,
// listPeople): every audience × every kind of membership, and residents × consents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import type { Audience } from '../../server/domain/audience';
import { ANONYMOUS } from '../../server/domain/audience';
import { getPerson, listMembers, listPeople } from '../../server/people/people.queries';
import type { Person } from '../../server/people/people.visibility';
import { createSeededDatabase } from '../helpers/db';
import { audiences, CURRENT_STATES, type Fixture, insertFixture, MEMBERSHIP_STATES } from '../helpers/visibility-fixture';

let database: Database;
let f: Fixture;
beforeAll(async () => {
  database = await createSeededDatabase();
  f = await insertFixture(database.db);
});
afterAll(async () => { await database?.close(); });

const db = () => database.db;
const page = { page: 1, per_page: 100 };
const field = (p: Person | undefined, name: string) => (p as Record<string, unknown> | undefined)?.[name];

describe('team-level fields: every audience × every kind of membership', () => {
  for (const state of MEMBERSHIP_STATES) {
    it(`a membership that is ${state}`, async () => {
      const s = f.subjects[state];
      for (const a of audiences(f)) {
        const found = await getPerson(db(), a.audience(state), s.id);
        const sees = a.teamLevel(state);
        expect(found?.person.shown_to, a.name).toBe('professionals');
        expect(field(found?.person, 'private_notes'), `${a.name} notes`).toBe(sees ? s.notes : null);
        expect(field(found?.person, 'availability_note'), `${a.name} availability`).toBe(sees ? `away (${state})` : null);
        expect(found?.person.phone_work, `${a.name} team-level phone`).toBe(sees ? s.teamPhone : null);
        // 'professionals' level: every signed-in audience
        expect(field(found?.person, 'phone_mobile'), a.name).toBe(s.mobile);
      }
      const resident = await getPerson(db(), ANONYMOUS, s.id);
      expect(resident?.person).toEqual(expect.objectContaining({ shown_to: 'public', name: `Fixture ${state}`, job_title: 'fixture', phone_work: null }));
      for (const hidden of ['private_notes', 'availability_note', 'phone_mobile', 'languages', 'working_days']) {
        expect(resident?.person, hidden).not.toHaveProperty(hidden);
      }
    });
  }

  it('lists only current memberships, the same way on the team, in people?team= and on the person', async () => {
    const current = MEMBERSHIP_STATES.filter((s) => CURRENT_STATES.has(s)).map((s) => f.subjects[s].id).sort();
    for (const audience of [ANONYMOUS, audiences(f)[0].audience()]) {
      const members = await listMembers(db(), audience, f.teamX);
      expect(members.members.map((m) => m.person.id).sort()).toEqual(current);
      expect(members.hidden).toBe(0);
      const people = await listPeople(db(), audience, { ...page, team: f.teamX });
      expect(people.items.map((p) => p.id).sort()).toEqual(current);
      expect(people.total).toBe(current.length);
    }
    for (const state of MEMBERSHIP_STATES) {
      const found = await getPerson(db(), ANONYMOUS, f.subjects[state].id);
      expect(found!.memberships.map((m) => m.team.id), state).toEqual(CURRENT_STATES.has(state) ? [f.teamX] : []);
    }
  });

  it('no longer shows an editor the notes of someone who left the organisation years ago', async () => {
    const editor: Audience = { kind: 'editor', accountId: 'd69894a1-877d-43e8-8172-82ca8c18e63c', personId: null, teamIds: [], organisationIds: [f.orgA] };
    expect(field((await getPerson(db(), editor, f.subjects.ended.id))?.person, 'private_notes')).toBeNull();
    expect(field((await getPerson(db(), editor, f.subjects.open.id))?.person, 'private_notes')).toBe(f.subjects.open.notes);
  });
});

describe('residents and consents', () => {
  let subject: string;
  const grant = (fieldName: 'photo' | 'ask_me_about' | 'phone_work' | 'email_work') =>
    db().insertInto('person_consents').values({ person_id: subject, field: fieldName }).execute();
  const withdraw = (fieldName: string) => db().updateTable('person_consents').set({ withdrawn_at: new Date() })
    .where('person_id', '=', subject).where('field', '=', fieldName as 'photo').where('withdrawn_at', 'is', null).execute();
  const asResident = async () => (await getPerson(db(), ANONYMOUS, subject))?.person;

  beforeAll(async () => {
    ({ id: subject } = await db().insertInto('people').values({
      given_name: 'Consent', family_name: 'Fixture', job_title: 'buurtwerker', public_profile: true, pronouns: 'zij/haar',
      photo_url: '/demo-photos/consent-fixture.svg', photo_consent: true, ask_me_about: 'buurtfeesten organiseren',
      phone_work: '030-1234567', email_work: 'consent.fixture@example.org', phone_mobile: '06-87654321', languages: ['nl', 'pl'],
    }).returning('id').executeTakeFirstOrThrow());
    await db().insertInto('person_topics').values({ person_id: subject, topic_key: 'loneliness' }).execute();
  });

  it('opting in publishes name and job title only', async () => {
    expect(await asResident()).toEqual({
      shown_to: 'public', id: subject, given_name: 'Consent', family_name: 'Fixture', name: 'Consent Fixture', initials: 'CF',
      pronouns: 'zij/haar', job_title: 'buurtwerker', public_profile: true, last_verified_at: null, updated_at: expect.any(String),
      stale: false, hidden_from_residents: false,
      photo_url: null, ask_me_about: null, topics: [], phone_work: null, email_work: null,
    });
    const byTopic = await listPeople(db(), ANONYMOUS, { ...page, topic: ['loneliness'] });
    expect(byTopic.items.map((p) => p.id)).not.toContain(subject);
  });

  it('publishes each field with its own consent, and hides it again once withdrawn', async () => {
    const values = { photo: ['photo_url', '/demo-photos/consent-fixture.svg'], ask_me_about: ['ask_me_about', 'buurtfeesten organiseren'],
      phone_work: ['phone_work', '030-1234567'], email_work: ['email_work', 'consent.fixture@example.org'] } as const;
    for (const [consent, [key, value]] of Object.entries(values)) {
      await grant(consent as keyof typeof values);
      const shown = await asResident();
      expect(field(shown, key), `${consent} granted`).toBe(value);
      for (const [other, [otherKey]] of Object.entries(values)) {
        if (other !== consent) expect(field(shown, otherKey), `${other} while only ${consent} is granted`).toBeNull();
      }
      if (consent === 'ask_me_about') {
        expect(shown?.topics).toEqual(['loneliness']);
        const byTopic = await listPeople(db(), ANONYMOUS, { ...page, topic: ['loneliness'] });
        expect(byTopic.items.map((p) => p.id)).toContain(subject);
      }
      await withdraw(consent);
      expect(field(await asResident(), key), `${consent} withdrawn`).toBeNull();
    }
    const history = await db().selectFrom('person_consents').selectAll().where('person_id', '=', subject).execute();
    expect(history).toHaveLength(4);
    expect(history.every((c) => c.withdrawn_at !== null && c.granted_at <= c.withdrawn_at)).toBe(true);
  });

  it('shows no photo, consent or not, when the person allowed no photo at all', async () => {
    await db().updateTable('people').set({ photo_consent: false }).where('id', '=', subject).execute();
    await grant('photo');
    expect((await asResident())?.photo_url).toBeNull();
    const pro: Audience = { kind: 'professional', accountId: 'ea3748ea-d20a-4e29-8104-d529e2c212c0', personId: null, teamIds: [], organisationIds: [] };
    expect((await getPerson(db(), pro, subject))?.person.photo_url).toBeNull();
    await db().updateTable('people').set({ photo_consent: true }).where('id', '=', subject).execute();
    expect((await asResident())?.photo_url).toBe('/demo-photos/consent-fixture.svg');
    const shown = (await getPerson(db(), pro, subject))?.person;
    expect(shown).toEqual(expect.objectContaining({ photo_url: '/demo-photos/consent-fixture.svg', ask_me_about: 'buurtfeesten organiseren',
      topics: ['loneliness'], languages: ['nl', 'pl'], public_fields: ['photo'], shown_to: 'professionals' }));
    await withdraw('photo');
  });

  it('lets a work phone published to residents be seen by every professional, whatever its level', async () => {
    await db().updateTable('people').set({ phone_work_visibility: 'team' }).where('id', '=', subject).execute();
    const pro: Audience = { kind: 'professional', accountId: 'ea3748ea-d20a-4e29-8104-d529e2c212c0', personId: null, teamIds: [], organisationIds: [] };
    expect((await getPerson(db(), pro, subject))?.person.phone_work).toBeNull();
    await grant('phone_work');
    expect((await getPerson(db(), pro, subject))?.person.phone_work).toBe('030-1234567');
    expect((await asResident())?.phone_work).toBe('030-1234567');
    await withdraw('phone_work');
  });

  it('keeps one active consent per field, and a 06 number can never be a consent or public', async () => {
    await grant('email_work');
    await expect(grant('email_work')).rejects.toThrow();
    await expect(db().insertInto('person_consents').values({ person_id: subject, field: 'phone_mobile' as 'photo' }).execute()).rejects.toThrow();
    await expect(db().updateTable('people').set({ phone_mobile_visibility: 'public' as 'team' }).where('id', '=', subject).execute()).rejects.toThrow();
    await expect(db().updateTable('people').set({ phone_work_visibility: 'public' as 'team' }).where('id', '=', subject).execute()).rejects.toThrow();
    await withdraw('email_work');
  });

  it('never shows a person who did not opt in, whatever they consented to', async () => {
    await db().updateTable('people').set({ public_profile: false }).where('id', '=', subject).execute();
    await grant('photo');
    expect(await asResident()).toBeUndefined();
    const all = await listPeople(db(), ANONYMOUS, { ...page, q: 'Consent' });
    expect(all.total).toBe(0);
    await withdraw('photo');
    await db().updateTable('people').set({ public_profile: true }).where('id', '=', subject).execute();
  });
});

describe('the demo wijk', () => {
  it('counts the team members a resident cannot see', async () => {
    const team = await db().selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select('m.team_id').where('p.public_profile', '=', false).where('m.until', 'is', null).orderBy('m.team_id').executeTakeFirstOrThrow();
    const anon = await listMembers(db(), ANONYMOUS, team.team_id);
    const pro = await listMembers(db(), audiences(f)[0].audience(), team.team_id);
    expect(pro.hidden).toBe(0);
    expect(anon.members.length + anon.hidden).toBe(pro.members.length);
    expect(anon.hidden).toBeGreaterThan(0);
    expect(anon.members.every((m) => m.person.shown_to === 'public' && m.person.public_profile)).toBe(true);
  });
});
