// External ids: the key another system (a spreadsheet, a municipal register) uses for a
// row, so a CSV import can update what it created before instead of adding it again.
// Unique per kind, nullable (rows made in Wijkweb need none). Frozen: no app imports.
import { type Kysely, sql } from 'kysely';

const TABLES = ['organisations', 'teams', 'locations', 'people'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN external_id text
      CHECK (external_id IS NULL OR (length(external_id) BETWEEN 1 AND 100 AND external_id !~ '[[:cntrl:]]'))`).execute(db);
    await sql.raw(`CREATE UNIQUE INDEX ${table}_external_id_key ON ${table} (external_id)`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`DROP INDEX IF EXISTS ${table}_external_id_key`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN IF EXISTS external_id`).execute(db);
  }
}
