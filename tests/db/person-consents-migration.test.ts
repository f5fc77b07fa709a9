// The consent migration keeps what people had published: a work phone or e-mail at level
// 'public' becomes a dated consent (and level 'professionals'), and going down turns the
// active consents back into 'public'. Runs on the backend under test.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { createMigrator } from '../../server/db/migrate';
import { createBlankDatabase } from '../helpers/db';

const CONSENTS = '2026-12-01_01_person_consents';
let database: Database;
beforeAll(async () => { database = await createBlankDatabase(); });
afterAll(async () => { await database?.close(); });

async function people() {
  const { rows } = await sql<{ given_name: string; phone_work_visibility: string; email_work_visibility: string }>`
    select given_name, phone_work_visibility, email_work_visibility from people order by given_name`.execute(database.db);
  return rows;
}

describe('migration 2026-12-01_01_person_consents', () => {
  it('turns public contact levels into consents, and back', async () => {
    const migrator = createMigrator(database.db);
    const names = (await migrator.getMigrations()).map((m) => m.name);
    const before = names[names.indexOf(CONSENTS) - 1]!;
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    await sql`insert into people (given_name, family_name, phone_work, phone_work_visibility, email_work, email_work_visibility, updated_at)
      values ('Anna', 'Publiek', '030-1111111', 'public', 'anna@example.org', 'public', '2025-03-04T05:06:07Z'),
             ('Bram', 'Team', '030-2222222', 'team', 'bram@example.org', 'professionals', now())`.execute(database.db);

    expect((await migrator.migrateTo(CONSENTS)).error).toBeUndefined();
    expect(await people()).toEqual([
      { given_name: 'Anna', phone_work_visibility: 'professionals', email_work_visibility: 'professionals' },
      { given_name: 'Bram', phone_work_visibility: 'team', email_work_visibility: 'professionals' },
    ]);
    const { rows: consents } = await sql<{ given_name: string; field: string; granted_at: string; withdrawn_at: string | null }>`
      select p.given_name, c.field, c.granted_at, c.withdrawn_at from person_consents c join people p on p.id = c.person_id
      order by c.field`.execute(database.db);
    expect(consents).toEqual([
      { given_name: 'Anna', field: 'email_work', granted_at: '2025-03-04T05:06:07.000Z', withdrawn_at: null },
      { given_name: 'Anna', field: 'phone_work', granted_at: '2025-03-04T05:06:07.000Z', withdrawn_at: null },
    ]);
    await expect(sql`update people set email_work_visibility = 'public'`.execute(database.db)).rejects.toThrow();

    // withdrawn before going down: only the active consent becomes 'public' again
    await sql`update person_consents set withdrawn_at = now() where field = 'email_work'`.execute(database.db);
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    expect(await people()).toEqual([
      { given_name: 'Anna', phone_work_visibility: 'public', email_work_visibility: 'professionals' },
      { given_name: 'Bram', phone_work_visibility: 'team', email_work_visibility: 'professionals' },
    ]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
      where table_name = 'person_consents'`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
  });
});
