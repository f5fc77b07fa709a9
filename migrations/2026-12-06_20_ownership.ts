// Every record has an owner (domain.md "Ownership"):
// - a person belongs to their employing organisation (people.organisation_id), backfilled from
//   their current membership, else their first one. Nullable only for rows that never had a
//   team (no one but an admin or the person edits those); the app, the demo and the imports
//   always set it, and a person's first accepted membership fills a missing one (trigger), so
//   a person created with a team always has an employer;
// - a location belongs to one organisation (locations.organisation_id): others may link to it,
//   never edit it. Backfilled from the oldest team linked to it;
// - a membership is `requested` (a team asked for someone employed elsewhere: no rights, shown
//   nowhere) until the person's employer or the person accepts it, then `current`.
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
ALTER TABLE people ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE RESTRICT;
UPDATE people p SET organisation_id = (
  SELECT t.organisation_id FROM memberships m JOIN teams t ON t.id = m.team_id
  WHERE m.person_id = p.id
  ORDER BY ((m.since IS NULL OR m.since <= current_date) AND (m.until IS NULL OR m.until >= current_date)) DESC,
    m.since NULLS FIRST, m.created_at, m.id
  LIMIT 1);
CREATE INDEX people_organisation_idx ON people (organisation_id);

ALTER TABLE locations ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE RESTRICT;
UPDATE locations l SET organisation_id = (
  SELECT t.organisation_id FROM team_locations tl JOIN teams t ON t.id = tl.team_id
  WHERE tl.location_id = l.id ORDER BY t.created_at, t.id LIMIT 1);
CREATE INDEX locations_organisation_idx ON locations (organisation_id);

ALTER TABLE memberships
  ADD COLUMN status text NOT NULL DEFAULT 'current' CHECK (status IN ('requested', 'current')),
  ADD COLUMN requested_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
  ADD COLUMN requested_at timestamptz,
  ADD COLUMN accepted_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
  ADD COLUMN accepted_at timestamptz;
CREATE INDEX memberships_requested_idx ON memberships (person_id) WHERE status = 'requested';

CREATE FUNCTION wijkweb_person_employer_from_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'current' THEN
    UPDATE people SET organisation_id = (SELECT organisation_id FROM teams WHERE id = NEW.team_id)
    WHERE id = NEW.person_id AND organisation_id IS NULL;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER memberships_person_employer AFTER INSERT OR UPDATE OF status ON memberships
  FOR EACH ROW EXECUTE FUNCTION wijkweb_person_employer_from_membership();
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
DROP TRIGGER IF EXISTS memberships_person_employer ON memberships;
DROP FUNCTION IF EXISTS wijkweb_person_employer_from_membership();
DROP INDEX IF EXISTS memberships_requested_idx;
-- a requested membership never existed before this migration: drop them with their meaning
DELETE FROM memberships WHERE status = 'requested';
ALTER TABLE memberships DROP COLUMN IF EXISTS accepted_at, DROP COLUMN IF EXISTS accepted_by,
  DROP COLUMN IF EXISTS requested_at, DROP COLUMN IF EXISTS requested_by, DROP COLUMN IF EXISTS status;
DROP INDEX IF EXISTS locations_organisation_idx;
ALTER TABLE locations DROP COLUMN IF EXISTS organisation_id;
DROP INDEX IF EXISTS people_organisation_idx;
ALTER TABLE people DROP COLUMN IF EXISTS organisation_id;
`).execute(db);
}
