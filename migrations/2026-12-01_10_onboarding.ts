// Getting to know the wijk: private "met" marks (one row per account and person, gone with
// either), digest subscriptions per area, the digests sent (one per account per ISO week),
// and the wijk an account chose on first sign-in. Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE met_marks (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, person_id)
);
CREATE TABLE digest_subscriptions (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  area_code text NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, area_code)
);
CREATE TABLE digests_sent (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  period text NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, period)
);
ALTER TABLE accounts ADD COLUMN home_area text REFERENCES areas(code) ON DELETE SET NULL;
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
DROP INDEX IF EXISTS audit_log_entity_idx;
ALTER TABLE accounts DROP COLUMN IF EXISTS home_area;
DROP TABLE IF EXISTS digests_sent, digest_subscriptions, met_marks;
`).execute(db);
}
