// Keeping the map true: the review reminders sent (one per editor account per ISO week)
// and indexes for "stalest first" (coalesce(last_verified_at, created_at)) on teams and
// people. Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE review_reminders_sent (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  period text NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, period)
);
CREATE INDEX teams_verified_basis_idx ON teams ((coalesce(last_verified_at, created_at))) WHERE archived_at IS NULL;
CREATE INDEX people_verified_basis_idx ON people ((coalesce(last_verified_at, created_at))) WHERE archived_at IS NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
DROP INDEX IF EXISTS people_verified_basis_idx;
DROP INDEX IF EXISTS teams_verified_basis_idx;
DROP TABLE IF EXISTS review_reminders_sent;
`).execute(db);
}
