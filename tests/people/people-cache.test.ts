// People are kept per directory state (server/people/people.cache.ts). What must hold:
// a row kept for one viewer never reaches another who may not see it, and a change, however
// it was written (the API, a command, plain SQL, another instance), shows on the next answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDatabase, type Database } from '../../server/db/database';
import { buildTestApp, createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_DATABASE_URL } from '../helpers/db';

let t: TestApp;
let colleague: string; // the demo professional: works in team X with T
let outsider: string; // a professional in no team
let T: { id: string; team: string };
const NOTE = 'Op dinsdag in het wijkcentrum (cache-proef).';
const PASSWORD = 'een lang en sterk wachtwoord 42';

const person = async (cookie: string | undefined, id = T.id) => {
  const res = await getJson(t.app, `/api/people/${id}`, cookie ? { cookie } : {});
  return res.status === 200 ? res.body.person : undefined;
};
const memberInTeam = async (cookie: string) => {
  const res = await getJson(t.app, `/api/teams/${T.team}`, { cookie });
  expect(res.status).toBe(200);
  return res.body.members.find((m: { person: { id: string } }) => m.person.id === T.id)?.person;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const me = await db.selectFrom('accounts').select('person_id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow();
  // A current teammate of the demo professional who shares exactly one team with them.
  const { rows } = await sql<{ id: string; team: string }>`select m.person_id as id, m.team_id as team from memberships m
    join memberships mine on mine.team_id = m.team_id and mine.person_id = ${me.person_id} and mine.status = 'current' and mine.until is null
    join people p on p.id = m.person_id and p.archived_at is null
    where m.person_id <> ${me.person_id} and m.status = 'current' and m.until is null
      and (select count(*) from memberships a join memberships b on a.team_id = b.team_id
           where a.person_id = m.person_id and b.person_id = ${me.person_id} and a.until is null and b.until is null) = 1
    order by m.person_id limit 1`.execute(db);
  T = rows[0]!;
  await db.updateTable('people').set({ private_notes: NOTE }).where('id', '=', T.id).execute();
  colleague = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  await createAccount(db, { email: 'buiten@example.org', password: PASSWORD, role: 'professional' });
  outsider = await signIn(t.app, 'buiten@example.org', PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('people kept per directory state', () => {
  it('never hand one viewer\'s team-level fields to another, in whatever order they ask', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await person(outsider))?.private_notes).toBeNull();
      expect((await person(colleague))?.private_notes).toBe(NOTE);
      expect((await person(outsider))?.private_notes).toBeNull();
      expect((await memberInTeam(outsider))?.private_notes).toBeNull();
      expect((await memberInTeam(colleague))?.private_notes).toBe(NOTE);
      const resident = await person(undefined);
      if (resident) expect(resident).not.toHaveProperty('private_notes');
    }
  });

  it('show a change written straight into the database on the very next answer', async () => {
    expect((await person(colleague))?.private_notes).toBe(NOTE);
    await sql`update people set private_notes = 'Nieuw: op woensdag' where id = ${T.id}`.execute(t.database.db);
    expect((await person(colleague))?.private_notes).toBe('Nieuw: op woensdag');
    expect((await person(outsider))?.private_notes).toBeNull();
    // T leaves the colleague's team: the team-level fields go at once, the rest stays.
    await sql`update memberships set until = current_date - 1 where person_id = ${T.id} and team_id = ${T.team}`.execute(t.database.db);
    const after = await person(colleague);
    expect(after?.private_notes).toBeNull();
    expect(after?.given_name).toBeTruthy();
    await sql`update memberships set until = null where person_id = ${T.id} and team_id = ${T.team}`.execute(t.database.db);
    expect((await person(colleague))?.private_notes).toBe('Nieuw: op woensdag');
  });

  it('show a resident a withdrawn consent at once', async () => {
    const db = t.database.db;
    const { rows: [r] } = await sql<{ id: string }>`select p.id from people p join person_consents c on c.person_id = p.id
      and c.field = 'phone_work' and c.withdrawn_at is null where p.public_profile and p.archived_at is null and p.phone_work is not null
      order by p.id limit 1`.execute(db);
    const before = await person(undefined, r!.id);
    expect(before?.phone_work).toBeTruthy();
    await sql`update person_consents set withdrawn_at = now() where person_id = ${r!.id} and field = 'phone_work'`.execute(db);
    expect((await person(undefined, r!.id))?.phone_work).toBeNull();
    await sql`update people set public_profile = false where id = ${r!.id}`.execute(db);
    expect(await person(undefined, r!.id)).toBeUndefined();
  });

  it('show a change made through another instance, with a cache of its own, on the next answer', async () => {
    // Another instance: its own pool (and so its own cache) on the same PostgreSQL database;
    // on PGlite, which one process owns, a second app on the same database.
    let other: Database | undefined;
    if (TEST_DATABASE_URL) {
      const { rows: [d] } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${d!.name}`;
      other = await createDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    }
    const b = await buildTestApp(other ?? t.database);
    try {
      const viaB = async () => (await getJson(b, `/api/people/${T.id}`, { cookie: colleague })).body.person;
      expect((await viaB()).private_notes).toBe('Nieuw: op woensdag');
      const version = (await person(colleague))!.version;
      const res = await t.app.inject({ method: 'PATCH', url: `/api/people/${T.id}`, headers: { cookie: colleague, 'if-match': `"${version}"` }, payload: { job_title: 'Wijkcoach (nieuw)' } });
      if (res.statusCode !== 200) {
        // The colleague may not edit T: the admin does, through instance A.
        const admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
        const again = await t.app.inject({ method: 'PATCH', url: `/api/people/${T.id}`, headers: { cookie: admin, 'if-match': `"${version}"` }, payload: { job_title: 'Wijkcoach (nieuw)' } });
        expect(again.statusCode).toBe(200);
      }
      expect((await viaB()).job_title).toBe('Wijkcoach (nieuw)');
    } finally {
      await b.close();
      await other?.close();
    }
  });
});

describe('open membership requests on a team page', () => {
  it('appear and go on the next answer, however they were written', async () => {
    const db = t.database.db;
    const admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const requested = async () => (await getJson(t.app, `/api/teams/${T.team}`, { cookie: admin })).body.requested as { person: { id: string } }[];
    expect(await requested()).toEqual([]);
    const { rows: [p] } = await sql<{ id: string }>`select id from people where archived_at is null and id not in
      (select person_id from memberships where team_id = ${T.team}) order by id limit 1`.execute(db);
    const { rows: [m] } = await sql<{ id: string }>`insert into memberships (person_id, team_id, role, status)
      values (${p!.id}, ${T.team}, 'lid', 'requested') returning id`.execute(db);
    expect((await requested()).map((r) => r.person.id)).toEqual([p!.id]);
    await sql`delete from memberships where id = ${m!.id}`.execute(db);
    expect(await requested()).toEqual([]);
  });
});
