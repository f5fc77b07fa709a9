// The database owns `version` (every record's ETag): a direct change of a versioned row
// bumps that row once; a change of a child row (a consent, topic, buurt, location link,
// membership, photo, scope, synonym) bumps exactly the record it belongs to, once; a
// statement that writes the same values bumps nothing. And no server file bumps by hand.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { createTestDatabase, TEST_BACKEND } from '../helpers/db';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = id(1), T1 = id(2), T2 = id(3), LOC = id(4), P1 = id(5), P2 = id(6), M1 = id(7), ACC = id(8);

// Every versioned table and how its rows are named.
const VERSIONED = {
  team_types: 'key', topics: 'key', areas: 'code', organisations: 'id', teams: 'id', locations: 'id', people: 'id', memberships: 'id', accounts: 'id',
} as const;
type Versioned = keyof typeof VERSIONED;

let database: Database;
const run = (statement: RawBuilder<unknown>) => statement.execute(database.db);

beforeAll(async () => {
  database = await createTestDatabase();
  for (const statement of [
    sql`insert into team_types (key, label_nl, label_en) values ('wijkteam', 'Wijkteam', 'District team')`,
    sql`insert into topics (key, label_nl, label_en, domain) values ('geld', 'Geld', 'Money', 'bestaan'), ('wonen', 'Wonen', 'Housing', 'bestaan')`,
    sql`insert into areas (code, kind, name, parent_code) values ('GM0001', 'gemeente', 'Lindeburg', null)`,
    sql`insert into areas (code, kind, name, parent_code) values ('WK000101', 'wijk', 'Centrum', 'GM0001')`,
    sql`insert into areas (code, kind, name, parent_code) values ('BU00010101', 'buurt', 'Oud', 'WK000101'), ('BU00010102', 'buurt', 'Nieuw', 'WK000101')`,
    sql`insert into organisations (id, name) values (${ORG}, 'Welzijn')`,
    sql`insert into teams (id, organisation_id, name, team_type) values (${T1}, ${ORG}, 'Team Een', 'wijkteam'), (${T2}, ${ORG}, 'Team Twee', 'wijkteam')`,
    sql`insert into locations (id, street, house_number, postcode, city, lat, lon) values (${LOC}, 'Dorpsstraat', '1', '1234AB', 'Lindeburg', 52.1, 5.1)`,
    sql`insert into team_locations (team_id, location_id) values (${T1}, ${LOC})`,
    sql`insert into people (id, given_name, family_name) values (${P1}, 'Anna', 'Jansen'), (${P2}, 'Bram', 'de Vries')`,
    sql`insert into memberships (id, person_id, team_id) values (${M1}, ${P1}, ${T1})`,
    sql`insert into accounts (id, email, role) values (${ACC}, 'redacteur@example.nl', 'editor')`,
  ]) await run(statement);
});
afterAll(async () => { await database?.close(); });

/** Every versioned row's version, by "table:key". */
async function versions(): Promise<Map<string, number>> {
  const all = new Map<string, number>();
  for (const [table, key] of Object.entries(VERSIONED)) {
    const { rows } = await sql<{ k: string; version: number }>`select ${sql.ref(key)}::text as k, version from ${sql.table(table)}`.execute(database.db);
    for (const r of rows) all.set(`${table}:${r.k}`, r.version);
  }
  return all;
}

/** Runs the statement and returns which rows' versions moved, and by how much. */
async function bumpsOf(statement: RawBuilder<unknown>): Promise<Record<string, number>> {
  const before = await versions();
  await run(statement);
  const moved: Record<string, number> = {};
  for (const [row, version] of await versions()) {
    const old = before.get(row);
    if (old !== undefined && old !== version) moved[row] = version - old;
  }
  return moved;
}
const once = (...rows: Array<[Versioned, string]>) => Object.fromEntries(rows.map(([t, k]) => [`${t}:${k}`, 1]));

describe(`the database owns version on ${TEST_BACKEND}`, () => {
  it('bumps a versioned row once on a real change, not on an update that changes nothing', async () => {
    const direct: Array<[Versioned, string, RawBuilder<unknown>, RawBuilder<unknown>]> = [
      ['team_types', 'wijkteam', sql`update team_types set label_en = 'Neighbourhood team' where key = 'wijkteam'`, sql`update team_types set label_en = label_en`],
      ['topics', 'geld', sql`update topics set label_en = 'Finances' where key = 'geld'`, sql`update topics set label_en = label_en`],
      ['areas', 'BU00010101', sql`update areas set name = 'Oud-Centrum' where code = 'BU00010101'`, sql`update areas set name = name`],
      ['organisations', ORG, sql`update organisations set description = 'Welzijn in de wijk' where id = ${ORG}`, sql`update organisations set description = description`],
      ['teams', T2, sql`update teams set description = 'Tweede team' where id = ${T2}`, sql`update teams set description = description`],
      ['people', P2, sql`update people set job_title = 'Wijkverpleegkundige' where id = ${P2}`, sql`update people set job_title = job_title`],
      ['accounts', ACC, sql`update accounts set role = 'admin' where id = ${ACC}`, sql`update accounts set role = role`],
    ];
    for (const [table, key, change, noop] of direct) {
      expect(await bumpsOf(change), table).toEqual(once([table, key]));
      expect(await bumpsOf(noop), `${table} no-op`).toEqual({});
    }
  });

  it('bumps the team (not its neighbour) for its topics, buurten and locations, and for a changed address', async () => {
    const cases: Array<[string, RawBuilder<unknown>, Record<string, number>]> = [
      ['topic added', sql`insert into team_topics (team_id, topic_key) values (${T1}, 'geld')`, once(['teams', T1])],
      ['topic rewritten the same', sql`update team_topics set topic_key = topic_key`, {}],
      ['topic removed', sql`delete from team_topics where team_id = ${T1}`, once(['teams', T1])],
      ['buurt added', sql`insert into team_areas (team_id, area_code) values (${T1}, 'BU00010101')`, once(['teams', T1])],
      ['buurt coverage changed', sql`update team_areas set coverage = 'wijk' where team_id = ${T1}`, once(['teams', T1])],
      ['buurt rewritten the same', sql`update team_areas set coverage = coverage`, {}],
      ['buurt removed', sql`delete from team_areas where team_id = ${T1}`, once(['teams', T1])],
      ['location linked', sql`insert into team_locations (team_id, location_id) values (${T2}, ${LOC})`, once(['teams', T2])],
      ['address changed', sql`update locations set house_number = '3' where id = ${LOC}`, once(['locations', LOC], ['teams', T1], ['teams', T2])],
      ['address rewritten the same', sql`update locations set house_number = house_number`, {}],
      ['location unlinked', sql`delete from team_locations where team_id = ${T2}`, once(['teams', T2])],
      ['link moved to another team', sql`update team_locations set team_id = ${T2} where team_id = ${T1}`, once(['teams', T1], ['teams', T2])],
    ];
    for (const [what, statement, expected] of cases) expect(await bumpsOf(statement), what).toEqual(expected);
  });

  it('bumps team and person for a membership, both old and new team when it moves', async () => {
    const cases: Array<[string, RawBuilder<unknown>, Record<string, number>]> = [
      ['role changed', sql`update memberships set role = 'coordinator' where id = ${M1}`, once(['memberships', M1], ['teams', T1], ['people', P1])],
      ['rewritten the same', sql`update memberships set role = role`, {}],
      ['moved to another team', sql`update memberships set team_id = ${T2} where id = ${M1}`, once(['memberships', M1], ['teams', T1], ['teams', T2], ['people', P1])],
      ['added', sql`insert into memberships (person_id, team_id) values (${P2}, ${T1})`, once(['teams', T1], ['people', P2])],
    ];
    for (const [what, statement, expected] of cases) expect(await bumpsOf(statement), what).toEqual(expected);
    const added = await database.db.selectFrom('memberships').select('id').where('person_id', '=', P2).executeTakeFirstOrThrow();
    expect(await bumpsOf(sql`update memberships set until = current_date where id = ${added.id}`), 'ended').toEqual(once(['memberships', added.id], ['teams', T1], ['people', P2]));
    expect(await bumpsOf(sql`delete from memberships where id = ${added.id}`), 'removed').toEqual(once(['teams', T1], ['people', P2]));
  });

  it('bumps the person for their topics, consents and photo', async () => {
    const photo = (hash: string) => sql`insert into person_photos (person_id, hash, content_type, bytes, width, height)
      values (${P1}, ${hash}, 'image/webp', ${Buffer.from('webp')}, 10, 10)
      on conflict (person_id) do update set hash = excluded.hash, created_at = now()`;
    const cases: Array<[string, RawBuilder<unknown>, Record<string, number>]> = [
      ['topic added', sql`insert into person_topics (person_id, topic_key) values (${P1}, 'wonen')`, once(['people', P1])],
      ['topic removed', sql`delete from person_topics where person_id = ${P1}`, once(['people', P1])],
      ['consent granted', sql`insert into person_consents (person_id, field) values (${P1}, 'phone_work')`, once(['people', P1])],
      ['consent rewritten the same', sql`update person_consents set withdrawn_at = withdrawn_at`, {}],
      ['consent withdrawn', sql`update person_consents set withdrawn_at = now() where person_id = ${P1}`, once(['people', P1])],
      ['consent history removed', sql`delete from person_consents where person_id = ${P1}`, once(['people', P1])],
      ['photo stored', photo('a'.repeat(64)), once(['people', P1])],
      ['same photo stored again', photo('a'.repeat(64)), {}],
      ['another photo', photo('b'.repeat(64)), once(['people', P1])],
      ['photo removed', sql`delete from person_photos where person_id = ${P1}`, once(['people', P1])],
    ];
    for (const [what, statement, expected] of cases) expect(await bumpsOf(statement), what).toEqual(expected);
  });

  it('bumps the account for its scopes and the topic for its synonyms', async () => {
    const cases: Array<[string, RawBuilder<unknown>, Record<string, number>]> = [
      ['scope added', sql`insert into account_scopes (account_id, team_id) values (${ACC}, ${T1})`, once(['accounts', ACC])],
      ['scope rewritten the same', sql`update account_scopes set team_id = team_id`, {}],
      ['scope moved to another team', sql`update account_scopes set team_id = ${T2}`, once(['accounts', ACC])],
      ['scope removed', sql`delete from account_scopes`, once(['accounts', ACC])],
      ['synonym added', sql`insert into topic_synonyms (topic_key, phrase) values ('geld', 'schulden')`, once(['topics', 'geld'])],
      ['synonym rewritten the same', sql`update topic_synonyms set lang = lang`, {}],
      ['synonym changed', sql`update topic_synonyms set lang = 'en'`, once(['topics', 'geld'])],
      ['synonym removed', sql`delete from topic_synonyms`, once(['topics', 'geld'])],
    ];
    for (const [what, statement, expected] of cases) expect(await bumpsOf(statement), what).toEqual(expected);
  });
});

describe(`one bump per transaction on ${TEST_BACKEND}`, () => {
  async function inOneTransaction(...statements: Array<RawBuilder<unknown>>): Promise<Record<string, number>> {
    const before = await versions();
    await database.db.transaction().execute(async (trx) => { for (const s of statements) await s.execute(trx); });
    const after = await versions();
    return Object.fromEntries([...after].filter(([row, v]) => before.has(row) && before.get(row) !== v).map(([row, v]) => [row, v - before.get(row)!]));
  }

  it('moves a record once when one transaction changes several of its children', async () => {
    expect(await inOneTransaction(
      sql`insert into person_topics (person_id, topic_key) values (${P2}, 'geld')`,
      sql`insert into person_consents (person_id, field) values (${P2}, 'email_work')`,
      sql`delete from person_topics where person_id = ${P2}`,
    )).toEqual(once(['people', P2]));
  });

  it('still moves it when the transaction first rewrote the record without a change', async () => {
    expect(await inOneTransaction(
      sql`update people set job_title = job_title where id = ${P2}`,
      sql`update person_consents set withdrawn_at = now() where person_id = ${P2} and withdrawn_at is null`,
    )).toEqual(once(['people', P2]));
  });
});

describe('no hand-written version bump', () => {
  it('leaves `version + 1` to the database in every server file', async () => {
    const root = join(import.meta.dirname, '../../server');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== join('db', 'types.ts'));
    expect(files.length).toBeGreaterThan(50);
    const byHand = /\bversion\b[^\n]*\+\s*1\b|'version',\s*'\+'/;
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(join(root, file), 'utf8')).split('\n');
      lines.forEach((line, i) => { if (byHand.test(line)) offenders.push(`${relative(root, join(root, file))}:${i + 1}: ${line.trim()}`); });
    }
    expect(offenders).toEqual([]);
    // the pattern would catch each way the old code wrote it
    for (const old of ["version = t.version + 1, updated_at = now()", "version: sql<number>`version + 1`", "version: eb('version', '+', 1)"]) expect(old).toMatch(byHand);
  });
});
