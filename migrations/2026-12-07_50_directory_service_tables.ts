// The service data tables (2026-12-07_10_service_data: opening hours, phones, languages,
// costs, documents, accessibility) move the directory change marker too, so no cache
// keyed on it can miss an edit of them (migration 2026-12-07_50_directory_changes).
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

const TABLES = ['schedules', 'phones', 'languages', 'cost_options', 'required_documents', 'accessibility'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`
CREATE CONSTRAINT TRIGGER ${table}_directory_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE TRIGGER ${table}_directory_truncated AFTER TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_directory_changed ON ${table};
DROP TRIGGER IF EXISTS ${table}_directory_truncated ON ${table};`).execute(db);
  }
}
