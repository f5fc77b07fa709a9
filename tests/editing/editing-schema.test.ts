// The database keeps editing honest by itself: versions bump on every real change (also
// of child rows), a conditional update on a stale version matches nothing, service areas
// are buurten only, and a person has one open membership per team.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { migrateDownOne, migrateToLatest } from '../../server/db/migrate';
import { createBlankDatabase, createSeededDatabase, TEST_BACKEND, TEST_DATABASE_URL } from '../helpers/db';

let database: Database;
beforeAll(async () => { database = await createSeededDatabase(); });
afterAll(async () => { await database?.close(); });

const versionOf = async (table: 'teams' | 'people' | 'organisations' | 'locations', id: string) =>
  (await database.db.selectFrom(table).select(['version', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow());

async function someMembership() {
  return database.db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.id', 'm.person_id', 'm.team_id', 't.organisation_id']).where('m.until', 'is', null)
    .orderBy('m.id').executeTakeFirstOrThrow();
}

describe(`versions on ${TEST_BACKEND}`, () => {
  it('bump on a real change and stay put on an update that changes nothing', async () => {
    const team = await database.db.selectFrom('teams').select(['id', 'name', 'version']).orderBy('id').executeTakeFirstOrThrow();
    await database.db.updateTable('teams').set({ name: team.name }).where('id', '=', team.id).execute();
    expect((await versionOf('teams', team.id)).version).toBe(team.version);
    await database.db.updateTable('teams').set({ walk_in_hours: 'di 9:00-11:00 (test)' }).where('id', '=', team.id).execute();
    const after = await versionOf('teams', team.id);
    expect(after.version).toBe(team.version + 1);
  });

  it('bump the team and the person when a membership is added, changed or removed', async () => {
    const m = await someMembership();
    const other = await database.db.selectFrom('people').select('id').where('id', '!=', m.person_id).orderBy('id').executeTakeFirstOrThrow();
    const team0 = (await versionOf('teams', m.team_id)).version;
    const person0 = (await versionOf('people', other.id)).version;
    const inserted = await database.db.insertInto('memberships').values({ person_id: other.id, team_id: m.team_id, role: 'lid', until: '2001-01-01' })
      .returning('id').executeTakeFirstOrThrow();
    expect((await versionOf('teams', m.team_id)).version).toBe(team0 + 1);
    expect((await versionOf('people', other.id)).version).toBe(person0 + 1);
    await database.db.updateTable('memberships').set({ role: 'coördinator' }).where('id', '=', inserted.id).execute();
    expect((await versionOf('teams', m.team_id)).version).toBeGreaterThan(team0 + 1);
    const beforeDelete = (await versionOf('teams', m.team_id)).version;
    await database.db.deleteFrom('memberships').where('id', '=', inserted.id).execute();
    expect((await versionOf('teams', m.team_id)).version).toBe(beforeDelete + 1);
  });

  it('bump the team for its topics, service area and locations, and the person for theirs', async () => {
    const m = await someMembership();
    let v = (await versionOf('teams', m.team_id)).version;
    const topic = await database.db.selectFrom('topics').select('key').where('key', 'not in',
      database.db.selectFrom('team_topics').select('topic_key').where('team_id', '=', m.team_id)).executeTakeFirstOrThrow();
    await database.db.insertInto('team_topics').values({ team_id: m.team_id, topic_key: topic.key }).execute();
    expect((await versionOf('teams', m.team_id)).version).toBe(++v);
    const { rows: [free] } = await sql<{ team_id: string; code: string }>`select t.id as team_id, a.code from teams t cross join areas a
      where a.kind = 'buurt' and not exists (select 1 from team_areas ta where ta.team_id = t.id and ta.area_code = a.code)
      order by t.id, a.code limit 1`.execute(database.db);
    const areaTeam = (await versionOf('teams', free!.team_id)).version;
    await database.db.insertInto('team_areas').values({ team_id: free!.team_id, area_code: free!.code }).execute();
    expect((await versionOf('teams', free!.team_id)).version).toBe(areaTeam + 1);
    const location = await database.db.selectFrom('team_locations').select('location_id').where('team_id', '=', m.team_id).executeTakeFirst();
    if (location) {
      await database.db.updateTable('locations').set({ opening_hours: 'ma-vr 8:30-17:00 (test)' }).where('id', '=', location.location_id).execute();
      expect((await versionOf('teams', m.team_id)).version).toBe(++v);
    }
    const p = (await versionOf('people', m.person_id)).version;
    await database.db.deleteFrom('person_topics').where('person_id', '=', m.person_id).execute();
    await database.db.insertInto('person_topics').values({ person_id: m.person_id, topic_key: topic.key }).execute();
    expect((await versionOf('people', m.person_id)).version).toBeGreaterThan(p);
  });

  it('bump each parent once for a bulk statement', async () => {
    const m = await someMembership();
    const v = (await versionOf('teams', m.team_id)).version;
    const topics = await database.db.selectFrom('topics').select('key').where('key', 'not in',
      database.db.selectFrom('team_topics').select('topic_key').where('team_id', '=', m.team_id)).limit(3).execute();
    await database.db.insertInto('team_topics').values(topics.map((t) => ({ team_id: m.team_id, topic_key: t.key }))).execute();
    expect((await versionOf('teams', m.team_id)).version).toBe(v + 1);
  });

  it('lets exactly one of many writers with the same version win', async () => {
    const team = await database.db.selectFrom('teams').select(['id', 'version']).orderBy('name').executeTakeFirstOrThrow();
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      database.db.updateTable('teams').set({ description: `versie ${i}` }).where('id', '=', team.id).where('version', '=', team.version)
        .returning(['version', 'description']).executeTakeFirst()));
    const winners = attempts.filter(Boolean);
    expect(winners).toHaveLength(1);
    const stored = await database.db.selectFrom('teams').select(['version', 'description']).where('id', '=', team.id).executeTakeFirstOrThrow();
    expect(stored).toEqual(winners[0]);
    expect(stored.version).toBe(team.version + 1);
  });
});

describe(`integrity on ${TEST_BACKEND}`, () => {
  it('accepts buurt codes only as a service area', async () => {
    const { team_id } = await someMembership();
    const wijk = await database.db.selectFrom('areas').select('code').where('kind', '=', 'wijk').executeTakeFirstOrThrow();
    await expect(database.db.insertInto('team_areas').values({ team_id, area_code: wijk.code }).execute()).rejects.toThrow();
    await expect(sql`update areas set kind = 'wijk' where code = (select area_code from team_areas limit 1)`.execute(database.db)).rejects.toThrow();
  });

  it('allows one open membership per person and team, besides ended ones', async () => {
    const m = await someMembership();
    await expect(database.db.insertInto('memberships').values({ person_id: m.person_id, team_id: m.team_id }).execute()).rejects.toThrow();
    await database.db.insertInto('memberships').values({ person_id: m.person_id, team_id: m.team_id, since: '2010-01-01', until: '2012-12-31' }).execute();
  });
});

describe(`stepping back on ${TEST_BACKEND}`, () => {
  let blank: Database;
  beforeAll(async () => { blank = await createBlankDatabase(); });
  afterAll(async () => { await blank?.close(); });

  it('takes exactly one migration down at a time, and up again', async () => {
    const applied = await migrateToLatest(blank.db);
    const down = await migrateDownOne(blank.db);
    expect(down).toEqual([applied.at(-1)!.replace(/^Up /, 'Down ')]);
    expect(await migrateToLatest(blank.db)).toEqual([applied.at(-1)]);
  });
});

// The npm script itself, as an operator runs it: `db:migrate -- down` steps back one.
describe('npm run db:migrate -- down', () => {
  const run = promisify(execFile);
  it('steps back one migration, and `up` brings it back', { timeout: 120_000 }, async () => {
    let env: NodeJS.ProcessEnv;
    let cleanup: () => Promise<void>;
    if (TEST_DATABASE_URL) {
      // a database of this test's own, made and dropped here
      const name = `wijkweb_script_${process.pid}`;
      const admin = new URL(TEST_DATABASE_URL);
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
      admin.pathname = `/${name}`;
      env = { ...process.env, DATABASE_URL: admin.toString() };
      cleanup = async () => { await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await client.end(); };
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'wijkweb-migrate-'));
      env = { ...process.env, DATABASE_URL: '', DATA_DIR: dir };
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    try {
      const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
      const up = await run(tsx, ['scripts/wijkweb.ts', 'db:migrate'], { env });
      const ups = up.stdout.split('\n').filter((l) => l.startsWith('Up '));
      expect(ups.length).toBeGreaterThan(3);
      const down = await run(tsx, ['scripts/wijkweb.ts', 'db:migrate', 'down'], { env });
      expect(down.stdout.split('\n').filter((l) => l.startsWith('Down '))).toEqual([ups.at(-1)!.replace(/^Up /, 'Down ')]);
      const again = await run(tsx, ['scripts/wijkweb.ts', 'db:migrate'], { env });
      expect(again.stdout.split('\n').filter((l) => l.startsWith('Up '))).toEqual([ups.at(-1)]);
    } finally { await cleanup(); }
  });
});
