// A change marker for everything the directory shows: one row whose counter `n` goes up
// once per committed transaction that wrote to a directory table. Caches (map markers and
// boundaries, search results) key on it instead of scanning tables for a fingerprint; a
// write through any app instance, a command or straight SQL moves it.
//
// Why a deferred constraint trigger: the counter row is locked by the writer that bumps it
// until commit. Bumped at the first statement, that lock would be held for the whole
// transaction and two writers touching the same rows in a different order could deadlock
// on it. Deferred to commit, the bump is the transaction's last step: it waits at most for
// another committing writer and never while holding it up. A transaction-local setting
// makes it one UPDATE per transaction however many rows it wrote. TRUNCATE (no row
// triggers) bumps at once from a statement trigger.
//
// Why a row and not a sequence: nextval is not transactional, so a reader could see a new
// number before the data behind it commits and cache old data under it for good.
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

const DIRECTORY_TABLES = [
  'areas', 'organisations', 'teams', 'locations', 'team_locations', 'team_topics', 'team_areas', 'team_types',
  'topics', 'topic_synonyms', 'people', 'memberships', 'person_topics', 'person_consents',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE directory_changes (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n bigint NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO directory_changes DEFAULT VALUES;

CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    IF current_setting('wijkweb.directory_bumped', true) = txid_current()::text THEN RETURN NULL; END IF;
    PERFORM set_config('wijkweb.directory_bumped', txid_current()::text, true);
  END IF;
  UPDATE directory_changes SET n = n + 1, changed_at = now();
  RETURN NULL;
END $$;
`).execute(db);
  for (const table of DIRECTORY_TABLES) {
    await sql.raw(`
CREATE CONSTRAINT TRIGGER ${table}_directory_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE TRIGGER ${table}_directory_truncated AFTER TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of DIRECTORY_TABLES) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_directory_changed ON ${table};
DROP TRIGGER IF EXISTS ${table}_directory_truncated ON ${table};`).execute(db);
  }
  await sql.raw(`DROP FUNCTION IF EXISTS directory_changed(); DROP TABLE IF EXISTS directory_changes;`).execute(db);
}
