// Per-field consent to be shown to residents (domain.md): opting in (people.public_profile)
// publishes name and job title only; the photo, "vraag mij over" (ask_me_about and the
// person's topics), the work phone and the work e-mail each need their own consent, dated
// and withdrawable. A consent is a row; withdrawing it stamps withdrawn_at (the history
// stays, so "since when was this public" can always be answered). At most one active
// consent per person and field.
//
// The contact fields' visibility levels keep answering "which professionals see it"
// ('professionals' | 'team'); 'public' is no longer a level but a consent, so existing
// 'public' values become consents dated at the row's last change. A 06 number can never be
// public: it is not a consent field, and its level CHECK stays as it was.
// Frozen in time: this file never imports application code.
import { type Kysely, sql } from 'kysely';

const UP = `
CREATE TABLE person_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('photo', 'ask_me_about', 'phone_work', 'email_work')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at)
);
CREATE UNIQUE INDEX person_consents_active_idx ON person_consents (person_id, field) WHERE withdrawn_at IS NULL;

INSERT INTO person_consents (person_id, field, granted_at)
  SELECT id, 'phone_work', updated_at FROM people WHERE phone_work_visibility = 'public';
INSERT INTO person_consents (person_id, field, granted_at)
  SELECT id, 'email_work', updated_at FROM people WHERE email_work_visibility = 'public';
UPDATE people SET phone_work_visibility = 'professionals' WHERE phone_work_visibility = 'public';
UPDATE people SET email_work_visibility = 'professionals' WHERE email_work_visibility = 'public';

ALTER TABLE people DROP CONSTRAINT people_phone_work_visibility_check;
ALTER TABLE people ADD CONSTRAINT people_phone_work_visibility_check CHECK (phone_work_visibility IN ('professionals', 'team'));
ALTER TABLE people DROP CONSTRAINT people_email_work_visibility_check;
ALTER TABLE people ADD CONSTRAINT people_email_work_visibility_check CHECK (email_work_visibility IN ('professionals', 'team'));
`;

// Back to levels: an active consent for a contact field becomes 'public' again; consents
// for the photo and "vraag mij over" have no place in the old schema and are dropped.
const DOWN = `
ALTER TABLE people DROP CONSTRAINT people_phone_work_visibility_check;
ALTER TABLE people ADD CONSTRAINT people_phone_work_visibility_check CHECK (phone_work_visibility IN ('public', 'professionals', 'team'));
ALTER TABLE people DROP CONSTRAINT people_email_work_visibility_check;
ALTER TABLE people ADD CONSTRAINT people_email_work_visibility_check CHECK (email_work_visibility IN ('public', 'professionals', 'team'));
UPDATE people p SET phone_work_visibility = 'public' WHERE EXISTS (SELECT 1 FROM person_consents c
  WHERE c.person_id = p.id AND c.field = 'phone_work' AND c.withdrawn_at IS NULL);
UPDATE people p SET email_work_visibility = 'public' WHERE EXISTS (SELECT 1 FROM person_consents c
  WHERE c.person_id = p.id AND c.field = 'email_work' AND c.withdrawn_at IS NULL);
DROP TABLE person_consents;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DOWN).execute(db);
}
