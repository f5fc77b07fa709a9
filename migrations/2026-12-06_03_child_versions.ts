// The database owns `version`: every child table bumps the record it belongs to, so no
// write path bumps a version by hand. Frozen in time: never imports app code.
// - New child tables: a person's consents and photo, an account's scopes, a topic's synonyms.
// - Every parent bump (the six of 2026-12-01_07 and the new ones) now moves a parent once
//   per statement, also for an UPDATE that moves a row from one parent to another, and only
//   for rows that really changed: an UPDATE that writes the same values bumps nothing.
//   Rows are compared without their own bookkeeping (version, updated_at, created_at).
//   A parent the same transaction already wrote is not bumped again (see NOT_YET_WRITTEN).
// - The same holds for a location shared by teams: only a real change bumps its teams.
import { type Kysely, sql } from 'kysely';

interface Child { child: string; parent: string; parentKey: string; column: string; type: string }

const child = (c: string, parent: string, column: string, parentKey = 'id', type = 'uuid'): Child => ({ child: c, parent, parentKey, column, type });

const EXISTING: Child[] = [
  child('memberships', 'teams', 'team_id'),
  child('memberships', 'people', 'person_id'),
  child('team_topics', 'teams', 'team_id'),
  child('team_areas', 'teams', 'team_id'),
  child('team_locations', 'teams', 'team_id'),
  child('person_topics', 'people', 'person_id'),
];
const ADDED: Child[] = [
  child('person_consents', 'people', 'person_id'),
  child('person_photos', 'people', 'person_id'),
  child('account_scopes', 'accounts', 'account_id'),
  child('topic_synonyms', 'topics', 'topic_key', 'key', 'text'),
];

const fnName = (c: Child) => `wijkweb_bump_${c.parent}_from_${c.child}`;
// A parent this transaction already wrote (inserted, edited or bumped: its tuple is ours and
// stamped now()) has an ETag nobody outside has seen yet: one bump per transaction is enough.
// This also keeps an import of thousands of new people from rewriting each one per child list.
const NOT_YET_WRITTEN = `NOT (xmin::text = (txid_current() % 4294967296)::text AND updated_at = now())`;
const BOOKKEEPING = `'{version,updated_at,created_at}'::text[]`;

/** Rows of `a` not in `b` (whole rows, bookkeeping left out), as jsonb `j`. */
const rowsOnlyIn = (a: string, b: string) =>
  `SELECT to_jsonb(r) - ${BOOKKEEPING} AS j FROM ${a} r EXCEPT SELECT to_jsonb(r) - ${BOOKKEEPING} FROM ${b} r`;

function parentBump(c: Child): string {
  const bump = `UPDATE ${c.parent} SET version = version + 1, updated_at = now() WHERE ${NOT_YET_WRITTEN} AND ${c.parentKey} IN`;
  const changed = `SELECT (d.j ->> '${c.column}')::${c.type} FROM ((${rowsOnlyIn('new_rows', 'old_rows')}) UNION ALL (${rowsOnlyIn('old_rows', 'new_rows')})) d`;
  return `
CREATE OR REPLACE FUNCTION ${fnName(c)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${bump} (SELECT r.${c.column} FROM new_rows r);
  ELSIF TG_OP = 'DELETE' THEN
    ${bump} (SELECT r.${c.column} FROM old_rows r);
  ELSE
    ${bump} (${changed});
  END IF;
  RETURN NULL;
END $$;`;
}

function triggers(c: Child): string {
  const fn = fnName(c);
  // Transition tables allow one event per trigger.
  return `
CREATE TRIGGER ${fn}_ins AFTER INSERT ON ${c.child} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
CREATE TRIGGER ${fn}_upd AFTER UPDATE ON ${c.child} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
CREATE TRIGGER ${fn}_del AFTER DELETE ON ${c.child} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

const LOCATION_TEAMS = `
CREATE OR REPLACE FUNCTION wijkweb_bump_location_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE teams SET version = version + 1, updated_at = now()
   WHERE ${NOT_YET_WRITTEN} AND id IN (SELECT tl.team_id FROM team_locations tl
     JOIN (${rowsOnlyIn('new_rows', 'old_rows')}) d ON (d.j ->> 'id')::uuid = tl.location_id);
  RETURN NULL;
END $$;
DROP TRIGGER locations_bump_teams ON locations;
CREATE TRIGGER locations_bump_teams AFTER UPDATE ON locations REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wijkweb_bump_location_teams();`;

// The bodies as 2026-12-01_07 left them, for the way down.
function previousParentBump(c: Child): string {
  return `
CREATE OR REPLACE FUNCTION ${fnName(c)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE ${c.parent} SET version = version + 1, updated_at = now() WHERE id IN (SELECT r.${c.column} FROM new_rows r);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE ${c.parent} SET version = version + 1, updated_at = now()
     WHERE id IN (SELECT r.${c.column} FROM old_rows r);
  END IF;
  RETURN NULL;
END $$;`;
}
const PREVIOUS_LOCATION_TEAMS = `
CREATE OR REPLACE FUNCTION wijkweb_bump_location_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE teams SET version = version + 1, updated_at = now()
   WHERE id IN (SELECT tl.team_id FROM team_locations tl JOIN new_rows r ON r.id = tl.location_id);
  RETURN NULL;
END $$;
DROP TRIGGER locations_bump_teams ON locations;
CREATE TRIGGER locations_bump_teams AFTER UPDATE ON locations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wijkweb_bump_location_teams();`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const parts = [...EXISTING, ...ADDED].map(parentBump);
  parts.push(...ADDED.map(triggers), LOCATION_TEAMS);
  await sql.raw(parts.join('\n')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const parts: string[] = [];
  for (const c of ADDED) {
    for (const suffix of ['ins', 'upd', 'del']) parts.push(`DROP TRIGGER IF EXISTS ${fnName(c)}_${suffix} ON ${c.child};`);
    parts.push(`DROP FUNCTION IF EXISTS ${fnName(c)}();`);
  }
  parts.push(...EXISTING.map(previousParentBump), PREVIOUS_LOCATION_TEAMS);
  await sql.raw(parts.join('\n')).execute(db);
}
