// The offline "benadering" lookup matches a PC4 postcode against areas.postcodes with @>;
// without an index that is a scan of every area (13,000+ buurten nationally).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX areas_postcodes_idx ON areas USING gin (postcodes)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS areas_postcodes_idx`.execute(db);
}
