// HSDS: /hsds/services pages teams by name and filters on modified_after; at national
// scale (tens of thousands of teams) both would otherwise sort or scan the whole table.
// HSDS needs no columns of its own: imported records keep their HSDS ids as row ids.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX teams_hsds_order_idx ON teams (name, id) WHERE archived_at IS NULL`.execute(db);
  await sql`CREATE INDEX teams_updated_at_idx ON teams (updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS teams_updated_at_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS teams_hsds_order_idx`.execute(db);
}
