// Schema for editing (issue "keep the map true"). Frozen in time: never imports app code.
// - Every editable record's `version` is its ETag. A BEFORE UPDATE trigger bumps it (and
//   updated_at) whenever a real column changed, so no write path can forget; an UPDATE that
//   changes nothing (a re-import of the same file) leaves it alone.
// - A change to a child row bumps the record it belongs to: memberships bump their team and
//   their person; topics, service areas and locations bump their team; person topics bump
//   the person. Statement-level triggers with transition tables bump each parent once per
//   statement, so bulk seeds stay fast.
// - team_areas holds buurt codes only, enforced by a composite foreign key on (code, kind).
// - One open-ended membership per person and team (a partial unique index).
import { type Kysely, sql } from 'kysely';

const EDITABLE = ['team_types', 'topics', 'areas', 'organisations', 'teams', 'locations', 'people', 'memberships'];

// [child table, parent table, parent id expression over the transition table `r`]
const PARENTS: Array<[string, string, string]> = [
  ['memberships', 'teams', 'r.team_id'],
  ['memberships', 'people', 'r.person_id'],
  ['team_topics', 'teams', 'r.team_id'],
  ['team_areas', 'teams', 'r.team_id'],
  ['team_locations', 'teams', 'r.team_id'],
  ['person_topics', 'people', 'r.person_id'],
];

const FUNCTIONS = `
CREATE FUNCTION wijkweb_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  generated text[];
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version THEN
    RETURN NEW; -- the statement set the version itself (a parent bump, an import)
  END IF;
  -- Stored generated columns are not computed yet in a BEFORE trigger: compare without them.
  -- Derived copies (an area's boundary per zoom band) are not the record's content either.
  SELECT coalesce(array_agg(attname::text), '{}') INTO generated
    FROM pg_attribute WHERE attrelid = TG_RELID AND (attgenerated <> '' OR attname IN ('geometry_low', 'geometry_mid', 'geometry_high'));
  IF (to_jsonb(NEW) - generated - 'version' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - generated - 'version' - 'updated_at') THEN
    NEW.version := OLD.version + 1;
    -- An explicit updated_at (an import carrying the source's modification time) is kept.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
      NEW.updated_at := now();
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- Locations are shared by teams: a changed address bumps every team at it.
CREATE FUNCTION wijkweb_bump_location_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE teams SET version = version + 1, updated_at = now()
   WHERE id IN (SELECT tl.team_id FROM team_locations tl JOIN new_rows r ON r.id = tl.location_id);
  RETURN NULL;
END $$;
`;

function parentBumpSql(child: string, parent: string, idExpr: string): string {
  const fn = `wijkweb_bump_${parent}_from_${child}`;
  const parts = [`
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE ${parent} SET version = version + 1, updated_at = now() WHERE id IN (SELECT ${idExpr} FROM new_rows r);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE ${parent} SET version = version + 1, updated_at = now()
     WHERE id IN (SELECT ${idExpr} FROM old_rows r)${'' /* an UPDATE bumps a parent that stays twice at most: harmless */};
  END IF;
  RETURN NULL;
END $$;`];
  // Transition tables allow one event per trigger.
  parts.push(`CREATE TRIGGER ${fn}_ins AFTER INSERT ON ${child} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`);
  parts.push(`CREATE TRIGGER ${fn}_upd AFTER UPDATE ON ${child} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`);
  parts.push(`CREATE TRIGGER ${fn}_del AFTER DELETE ON ${child} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`);
  return parts.join('\n');
}

function upSql(): string {
  const parts = [FUNCTIONS];
  for (const table of EDITABLE) {
    parts.push(`CREATE TRIGGER ${table}_bump_version BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION wijkweb_bump_version();`);
  }
  for (const [child, parent, id] of PARENTS) parts.push(parentBumpSql(child, parent, id));
  parts.push(`CREATE TRIGGER locations_bump_teams AFTER UPDATE ON locations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION wijkweb_bump_location_teams();`);
  parts.push(`
ALTER TABLE areas ADD CONSTRAINT areas_code_kind_key UNIQUE (code, kind);
ALTER TABLE team_areas ADD COLUMN area_kind text NOT NULL DEFAULT 'buurt' CHECK (area_kind = 'buurt');
ALTER TABLE team_areas ADD CONSTRAINT team_areas_buurt_fkey FOREIGN KEY (area_code, area_kind)
  REFERENCES areas (code, kind) ON UPDATE CASCADE ON DELETE CASCADE;
CREATE UNIQUE INDEX memberships_one_open_idx ON memberships (person_id, team_id) WHERE until IS NULL;`);
  return parts.join('\n');
}

function downSql(): string {
  const parts = [`
DROP INDEX IF EXISTS memberships_one_open_idx;
ALTER TABLE team_areas DROP CONSTRAINT IF EXISTS team_areas_buurt_fkey;
ALTER TABLE team_areas DROP COLUMN IF EXISTS area_kind;
ALTER TABLE areas DROP CONSTRAINT IF EXISTS areas_code_kind_key;
DROP TRIGGER IF EXISTS locations_bump_teams ON locations;
DROP FUNCTION IF EXISTS wijkweb_bump_location_teams();`];
  for (const [child, parent] of PARENTS) {
    const fn = `wijkweb_bump_${parent}_from_${child}`;
    for (const suffix of ['ins', 'upd', 'del']) parts.push(`DROP TRIGGER IF EXISTS ${fn}_${suffix} ON ${child};`);
    parts.push(`DROP FUNCTION IF EXISTS ${fn}();`);
  }
  for (const table of EDITABLE) parts.push(`DROP TRIGGER IF EXISTS ${table}_bump_version ON ${table};`);
  parts.push('DROP FUNCTION IF EXISTS wijkweb_bump_version();');
  return parts.join('\n');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(upSql()).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(downSql()).execute(db);
}
