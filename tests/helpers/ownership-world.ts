// A small world of two organisations for ownership tests, written straight into the database
// so that every test (or every fast-check run) gets records nobody else touches: organisation
// A (team A1 with location LA and person PA) and organisation B (team B1 with location LB and
// people PB and PB2, the latter linked to a professional account). PA and PB keep a 06 number
// and notes at 'team' level: who sees them is the trust under test. Sessions are minted
// directly (signing in through argon2 per run would dominate the time).
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/types';
import { createSession } from '../../server/auth/sessions.queries';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { createAccount } from './auth';

export type Actor = 'editorA' | 'editorB' | 'professional' | 'admin' | 'resident';
export const ACTORS: readonly Actor[] = ['editorA', 'editorB', 'professional', 'admin', 'resident'];

export interface World {
  tag: string;
  orgA: string; orgB: string; teamA: string; teamB: string;
  personA: string; personB: string; personB2: string;
  locationA: string; locationB: string;
  accounts: Record<Exclude<Actor, 'resident'>, string>;
  cookies: Record<Actor, Record<string, string>>;
}

let serial = 0;

export async function createWorld(db: Kysely<DB>, options: { admin?: string } = {}): Promise<World> {
  const tag = `w${process.pid}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;
  const org = async (name: string) => (await db.insertInto('organisations').values({ name: `${name} ${tag}` }).returning('id').executeTakeFirstOrThrow()).id;
  const orgA = await org('Organisatie A');
  const orgB = await org('Organisatie B');
  const team = async (organisation_id: string, name: string) => (await db.insertInto('teams')
    .values({ organisation_id, name: `${name} ${tag}`, team_type: 'social_district_team' }).returning('id').executeTakeFirstOrThrow()).id;
  const teamA = await team(orgA, 'Team A');
  const teamB = await team(orgB, 'Team B');
  const person = async (organisation_id: string, teamId: string, name: string, mobile: string) => {
    const { id } = await db.insertInto('people').values({
      organisation_id, given_name: name, family_name: tag, job_title: 'begeleider',
      phone_mobile: mobile, phone_mobile_visibility: 'team', private_notes: `teamnotitie ${name} ${tag}`,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ person_id: id, team_id: teamId, role: 'lid' }).execute();
    return id;
  };
  const personA = await person(orgA, teamA, 'Anna', '06-11110001');
  const personB = await person(orgB, teamB, 'Bram', '06-22220002');
  const personB2 = await person(orgB, teamB, 'Bo', '06-22220003');
  const location = async (organisation_id: string, teamId: string, n: number) => {
    const { id } = await db.insertInto('locations').values({
      organisation_id, name: `Pand ${n} ${tag}`, street: 'Teststraat', house_number: String(n), postcode: '1234AB', city: 'Lindeburg', lat: 52.1, lon: 5.1,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('team_locations').values({ team_id: teamId, location_id: id }).execute();
    return id;
  };
  const locationA = await location(orgA, teamA, 1);
  const locationB = await location(orgB, teamB, 2);
  const accounts = {
    editorA: await createAccount(db, { email: `editor-a-${tag}@example.org`, role: 'editor', scopes: [{ organisationId: orgA }] }),
    editorB: await createAccount(db, { email: `editor-b-${tag}@example.org`, role: 'editor', scopes: [{ organisationId: orgB }] }),
    professional: await createAccount(db, { email: `prof-b-${tag}@example.org`, role: 'professional', personId: personB2 }),
    admin: options.admin ?? await createAccount(db, { email: `admin-${tag}@example.org`, role: 'admin' }),
  };
  const cookie = async (accountId: string) => ({ cookie: `${SESSION_COOKIE}=${(await createSession(db, accountId)).token}` });
  const cookies = {
    editorA: await cookie(accounts.editorA), editorB: await cookie(accounts.editorB),
    professional: await cookie(accounts.professional), admin: await cookie(accounts.admin), resident: {},
  };
  return { tag, orgA, orgB, teamA, teamB, personA, personB, personB2, locationA, locationB, accounts, cookies };
}
