// A small, explicit world for the visibility rule: organisations A and B, team X (of A)
// and team Y (of B), and one subject per kind of membership in team X, dated from the
// database's own current_date so "today" means what the SQL rule means by it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../server/db/types';
import type { Audience } from '../../server/domain/audience';

// Account ids are uuids: the audit log records who saw which 06 number.
const FIXTURE_ACCOUNTS = { professional: '00000000-0000-4000-8000-00000000f001', editor: '00000000-0000-4000-8000-00000000f002', admin: '00000000-0000-4000-8000-00000000f003' } as const;

export const MEMBERSHIP_STATES = ['open', 'ended', 'future', 'endedYesterday', 'endingToday'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];
export const CURRENT_STATES: ReadonlySet<MembershipState> = new Set(['open', 'endingToday']);

export interface Fixture {
  orgA: string; orgB: string; teamX: string; teamY: string;
  subjects: Record<MembershipState, { id: string; notes: string; mobile: string; teamPhone: string }>;
}

export async function insertFixture(db: Kysely<DB>): Promise<Fixture> {
  const { rows: [d] } = await sql<{ today: string; yesterday: string; soon: string }>`select current_date::text as today,
    (current_date - 1)::text as yesterday, (current_date + 30)::text as soon`.execute(db);
  const dates: Record<MembershipState, { since: string | null; until: string | null }> = {
    open: { since: '2020-01-01', until: null },
    ended: { since: '2015-01-01', until: '2019-06-30' },
    future: { since: d!.soon, until: null },
    endedYesterday: { since: '2021-01-01', until: d!.yesterday },
    endingToday: { since: null, until: d!.today },
  };
  const org = async (name: string) => (await db.insertInto('organisations').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
  const orgA = await org('Fixture A');
  const orgB = await org('Fixture B');
  const team = async (name: string, organisation_id: string) => (await db.insertInto('teams')
    .values({ name, organisation_id, team_type: 'social_district_team' }).returning('id').executeTakeFirstOrThrow()).id;
  const teamX = await team('Fixture team X', orgA);
  const teamY = await team('Fixture team Y', orgB);
  const subjects = {} as Fixture['subjects'];
  let n = 0;
  for (const state of MEMBERSHIP_STATES) {
    n += 1;
    const values = { notes: `notes of ${state} fixture`, mobile: `06-9000000${n}`, teamPhone: `030-900000${n}` };
    const { id } = await db.insertInto('people').values({
      given_name: 'Fixture', family_name: state, job_title: 'fixture', public_profile: true,
      phone_mobile: values.mobile, phone_work: values.teamPhone, phone_work_visibility: 'team',
      private_notes: values.notes, availability_note: `away (${state})`,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ person_id: id, team_id: teamX, ...dates[state] }).execute();
    subjects[state] = { id, ...values };
  }
  return { orgA, orgB, teamX, teamY, subjects };
}

const signedIn = (kind: 'professional' | 'editor' | 'admin', extra: Partial<Exclude<Audience, { kind: 'anonymous' }>> = {}): Audience =>
  ({ kind, accountId: FIXTURE_ACCOUNTS[kind], personId: null, teamIds: [], organisationIds: [], ...extra });

/** Every audience of the matrix, and whether it sees a subject's 'team'-level fields. */
export function audiences(f: Fixture) {
  return [
    { name: 'professional', audience: () => signedIn('professional'), teamLevel: () => false },
    { name: 'professional in team X', audience: () => signedIn('professional', { teamIds: [f.teamX] }), teamLevel: (s: MembershipState) => CURRENT_STATES.has(s) },
    { name: 'professional in team Y', audience: () => signedIn('professional', { teamIds: [f.teamY] }), teamLevel: () => false },
    { name: 'editor of org A', audience: () => signedIn('editor', { organisationIds: [f.orgA] }), teamLevel: (s: MembershipState) => CURRENT_STATES.has(s) },
    { name: 'editor of org B', audience: () => signedIn('editor', { organisationIds: [f.orgB] }), teamLevel: () => false },
    { name: 'admin', audience: () => signedIn('admin'), teamLevel: () => true },
    { name: 'the person themself', audience: (s: MembershipState) => signedIn('professional', { personId: f.subjects[s].id }), teamLevel: () => true },
  ] as const;
}
