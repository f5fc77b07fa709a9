// Views of 06 numbers are one audit row per answer (the people shown in meta.person_ids),
// no longer one row per number: this index answers "who saw X's number" from them.
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE INDEX audit_log_viewed_people_idx ON audit_log USING gin ((meta -> 'person_ids') jsonb_path_ops)
  WHERE action = 'view_mobile';`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS audit_log_viewed_people_idx;`).execute(db);
}
