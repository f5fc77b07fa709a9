// Views of 06 numbers share their INSERT when they come at the same moment (a group commit,
// server/audit/view-log.ts), and still no answer leaves before its row is committed: a
// failed write fails every answer in it, and shows nobody's number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KyselyPlugin, sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { peopleInView } from '../../server/audit/audit.queries';
import { recordView } from '../../server/audit/view-log';
import { buildTestApp, createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';

let t: TestApp;
let pro: string;
let account: string;
let team: string;
let buurt: string;

const rowsBy = (actor: string) => t.database.db.selectFrom('audit_log').select(['id', 'meta', 'entity_type', 'entity_id'])
  .select(sql<string>`xmin::text`.as('tx')).where('action', '=', 'view_mobile').where('actor_account_id', '=', actor).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  pro = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  account = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow()).id;
  // a team whose members show a 06 number to professionals
  team = (await t.database.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id').select('m.team_id')
    .where('m.until', 'is', null).where('p.phone_mobile', 'is not', null).where('p.phone_mobile_visibility', '=', 'professionals')
    .groupBy('m.team_id').having(sql`count(*)`, '>=', 2).orderBy('m.team_id').executeTakeFirstOrThrow()).team_id;
  // a buurt whose "wie werkt hier" shows the professional more than one 06 number
  for (const { code } of await t.database.db.selectFrom('areas').select('code').where('kind', '=', 'buurt').orderBy('code').execute()) {
    if (mobilesIn((await getJson(t.app, `/api/areas/${code}/people`, { cookie: pro })).body).length > 1) { buurt = code; break; }
  }
  expect(buurt).toBeDefined();
});

type AreaPeople = { teams: { members: { person: { id: string; phone_mobile?: string | null } }[] }[] };
const mobilesIn = (answer: AreaPeople) => [...new Set(answer.teams.flatMap((t) => t.members)
  .filter((m) => m.person.phone_mobile).map((m) => m.person.id))].sort();
afterAll(async () => { await t?.close(); });

describe('the view log', () => {
  it('writes the first view at once and the views that come meanwhile together, each committed when it resolves', async () => {
    const admin = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.admin.email).executeTakeFirstOrThrow()).id;
    const row = (n: number) => ({ actor_account_id: admin, action: 'view_mobile', entity_type: 'person', entity_id: admin,
      meta: JSON.stringify({ count: n }) } as const);
    // Ten in one tick: the first goes out alone; the nine that arrive while it is on its way share the next INSERT.
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordView(t.database.db, row(i), null)));
    const rows = await rowsBy(admin);
    expect(rows.map((r) => (r.meta as { count: number }).count)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(2);
    expect(rows.filter((r) => r.tx === rows[0]!.tx)).toHaveLength(1);
  });

  it('records every answer of a burst of signed-in requests, naming the one list of people they all showed, kept once', async () => {
    const before = (await rowsBy(account)).length;
    const sets = async () => Number((await sql<{ n: string }>`select count(*) as n from viewed_people_sets`.execute(t.database.db)).rows[0]!.n);
    const setsBefore = await sets();
    const answers = await Promise.all(Array.from({ length: 12 }, () => getJson(t.app, `/api/teams/${team}`, { cookie: pro })));
    for (const a of answers) expect(a.status).toBe(200);
    const rows = (await rowsBy(account)).slice(before);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => `${r.entity_type} ${r.entity_id}`)).size).toBe(1);
    expect(rows[0]!.entity_type).toBe('person_set');
    expect(await sets()).toBe(setsBefore + 1);
    const shown = answers[0]!.body.members.filter((m: { person: { phone_mobile?: string | null } }) => m.person.phone_mobile)
      .map((m: { person: { id: string } }) => m.person.id).sort();
    expect(await peopleInView(t.database.db, rows[0]!)).toEqual(shown);
    expect(rows.every((r) => (r.meta as { count: number }).count === shown.length)).toBe(true);
  });

  it('fails every answer whose view could not be written, showing no number, and recovers after', async () => {
    const db = t.database.db;
    expect((await getJson(t.app, `/api/areas/${buurt}/people`, { cookie: pro })).status).toBe(200); // kept: its row rides with the state read
    await sql`create function refuse_views() returns trigger language plpgsql as $$
      begin raise exception 'schijf vol' using errcode = '53100'; end $$`.execute(db);
    await sql`create trigger refuse_views before insert on audit_log for each row when (new.action = 'view_mobile') execute function refuse_views()`.execute(db);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => getJson(t.app, `/api/teams/${team}`, { cookie: pro })));
      answers.push(await getJson(t.app, `/api/areas/${buurt}/people`, { cookie: pro }));
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(a.raw).not.toMatch(/06[\s-]?\d{4}/);
        expect(a.body.error).toBe('database_unavailable');
      }
    } finally {
      await sql`drop trigger refuse_views on audit_log`.execute(db);
      await sql`drop function refuse_views()`.execute(db);
    }
    const after = await getJson(t.app, `/api/teams/${team}`, { cookie: pro });
    expect(after.status).toBe(200);
    expect(after.body.members.some((m: { person: { phone_mobile: string | null } }) => m.person.phone_mobile)).toBe(true);
  });

  describe('an answer made of people already kept', () => {
    // Counts the statements an app's database answers (every statement passes here, however it was built).
    let statements = 0;
    const counter: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: async (args) => { statements += 1; return args.result; } };
    let app: FastifyInstance;
    let cookie: string;
    beforeAll(async () => {
      app = await buildTestApp({ ...t.database, db: t.database.db.withPlugin(counter) });
      cookie = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    });
    afterAll(async () => { await app?.close(); });
    const read = async (headers: Record<string, string>) => {
      const before = statements;
      const answer = await getJson(app, `/api/areas/${buurt}/people`, headers);
      expect(answer.status).toBe(200);
      return { answer: answer.body as AreaPeople, statements: statements - before };
    };

    it('records its view in the statement that reads the state: a professional sends as many as a resident', async () => {
      await read({}); await read({ cookie }); await read({ cookie }); // everything kept, the list of people too
      const resident = await read({});
      const before = (await rowsBy(account)).length;
      const professional = await read({ cookie });
      expect(professional.statements).toBe(resident.statements);
      const rows = (await rowsBy(account)).slice(before);
      expect(rows).toHaveLength(1);
      expect(await peopleInView(t.database.db, rows[0]!)).toEqual(mobilesIn(professional.answer));
    });

    it('worked out once and answered again, still records every answer, each naming the people shown', async () => {
      await read({ cookie }); await read({ cookie });
      const before = (await rowsBy(account)).length;
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await getJson(app, `/api/areas/${buurt}/people`, { cookie }));
      expect(new Set(answers.map((a) => a.raw)).size).toBe(1);
      const rows = (await rowsBy(account)).slice(before);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(await peopleInView(t.database.db, row)).toEqual(mobilesIn(answers[0]!.body));
      // another professional's answer is their own: worked out for them, and on their name
      const other = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
      const editor = (await t.database.db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow()).id;
      const editorBefore = (await rowsBy(editor)).length;
      await read({ cookie: other });
      expect((await rowsBy(editor)).length).toBe(editorBefore + 1);
      expect((await rowsBy(account)).length).toBe(before + 3);
    });

    it('when the directory changed since, writes nothing with the state read and records the new answer instead', async () => {
      await read({ cookie });
      const shown = mobilesIn((await read({ cookie })).answer);
      // one of them takes their 06 number back from professionals: the marker moves
      await t.database.db.updateTable('people').set({ phone_mobile_visibility: 'team' }).where('id', '=', shown[0]!).execute();
      try {
        const before = (await rowsBy(account)).length;
        const { answer } = await read({ cookie });
        const rows = (await rowsBy(account)).slice(before);
        expect(rows).toHaveLength(1);
        expect(mobilesIn(answer)).not.toContain(shown[0]);
        expect(await peopleInView(t.database.db, rows[0]!)).toEqual(mobilesIn(answer));
      } finally {
        await t.database.db.updateTable('people').set({ phone_mobile_visibility: 'professionals' }).where('id', '=', shown[0]!).execute();
      }
    });
  });
});
