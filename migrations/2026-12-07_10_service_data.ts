// What residents ask before they go (issue 16), modelled on HSDS 3.0 so the exchange can carry it:
// - schedules: weekly hours (freq WEEKLY, byday, opens_at, closes_at; a closes_at before opens_at
//   runs past midnight) and exceptions (freq NULL, a date range valid_from..valid_to: closed, or
//   other hours on those days). A team's rows are its walk-in/service hours, a location's its
//   opening hours; the free-text notes stay beside them (teams.walk_in_hours, locations.opening_hours).
//   Times are Europe/Amsterdam wall-clock times (HH:MM).
// - phones (several per team and location, RFC 6350 type, a note), languages (ISO 639 code with
//   the Dutch name), cost_options (free / eigen bijdrage / insurance / via gemeente), required
//   documents, and accessibility per location (wheelchair, hearing loop, parking, other).
// - teams: interpretation available, age from/to, "voor wie", one line explaining the cost.
//   "Zonder verwijzing" needs no column: teams.access already says whether a referral is needed.
// Every child row bumps the version of the team or location it belongs to (as 2026-12-06_03).
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

interface Child { child: string; parent: string; column: string }
const CHILDREN: Child[] = [
  { child: 'schedules', parent: 'teams', column: 'team_id' },
  { child: 'schedules', parent: 'locations', column: 'location_id' },
  { child: 'phones', parent: 'teams', column: 'team_id' },
  { child: 'phones', parent: 'locations', column: 'location_id' },
  { child: 'languages', parent: 'teams', column: 'team_id' },
  { child: 'languages', parent: 'locations', column: 'location_id' },
  { child: 'cost_options', parent: 'teams', column: 'team_id' },
  { child: 'required_documents', parent: 'teams', column: 'team_id' },
  { child: 'accessibility', parent: 'locations', column: 'location_id' },
];

const fnName = (c: Child) => `wijkweb_bump_${c.parent}_from_${c.child}`;
const NOT_YET_WRITTEN = `NOT (xmin::text = (txid_current() % 4294967296)::text AND updated_at = now())`;
const BOOKKEEPING = `'{version,updated_at,created_at}'::text[]`;
const rowsOnlyIn = (a: string, b: string) =>
  `SELECT to_jsonb(r) - ${BOOKKEEPING} AS j FROM ${a} r EXCEPT SELECT to_jsonb(r) - ${BOOKKEEPING} FROM ${b} r`;

function parentBump(c: Child): string {
  const bump = `UPDATE ${c.parent} SET version = version + 1, updated_at = now() WHERE ${NOT_YET_WRITTEN} AND id IN`;
  const changed = `SELECT (d.j ->> '${c.column}')::uuid FROM ((${rowsOnlyIn('new_rows', 'old_rows')}) UNION ALL (${rowsOnlyIn('old_rows', 'new_rows')})) d`;
  const fn = fnName(c);
  return `
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${bump} (SELECT r.${c.column} FROM new_rows r);
  ELSIF TG_OP = 'DELETE' THEN
    ${bump} (SELECT r.${c.column} FROM old_rows r);
  ELSE
    ${bump} (${changed});
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ${fn}_ins AFTER INSERT ON ${c.child} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
CREATE TRIGGER ${fn}_upd AFTER UPDATE ON ${c.child} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
CREATE TRIGGER ${fn}_del AFTER DELETE ON ${c.child} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

const ONE_PARENT = `CHECK ((team_id IS NULL) <> (location_id IS NULL))`;
const TEAM_OR_LOCATION = `
  team_id uuid REFERENCES teams(id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations(id) ON DELETE CASCADE,`;
// HH:MM (HSDS examples also write HH:MM:SS); 24:00 closes at midnight.
const HHMM = (c: string, max = '2[0-3]') => `CHECK (${c} ~ '^([01][0-9]|${max}):[0-5][0-9](:[0-5][0-9])?$')`;

const UP = `
ALTER TABLE teams
  ADD COLUMN interpretation_available boolean NOT NULL DEFAULT false,
  ADD COLUMN minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120),
  ADD COLUMN maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120),
  ADD COLUMN eligibility_description text,
  ADD COLUMN fees_description text,
  ADD CONSTRAINT teams_age_range CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age);

CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${TEAM_OR_LOCATION}
  -- HSDS freq: WEEKLY hours (MONTHLY is carried for the exchange, not used for "Nu open"); NULL for an exception
  freq text CHECK (freq ~ '^(WEEKLY|MONTHLY)$'),
  byday text CHECK (byday ~ '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$'),
  opens_at text ${HHMM('opens_at')},
  closes_at text ${HHMM('closes_at', '2[0-4]')},
  valid_from date,
  valid_to date,
  dtstart date,
  until date,
  -- an exception (freq NULL) with closed = true: closed on every day of valid_from..valid_to
  closed boolean NOT NULL DEFAULT false,
  description text,
  notes text,
  -- the rest of HSDS's schedule, carried for the exchange (not used for "Nu open")
  timezone double precision,
  count integer,
  "interval" integer CHECK ("interval" >= 1),
  wkst text CHECK (wkst ~ '^(MO|TU|WE|TH|FR|SA|SU)$'),
  byweekno text,
  bymonthday text,
  byyearday text,
  schedule_link text,
  attending_type text,
  sort_order integer NOT NULL DEFAULT 0,
  ${ONE_PARENT},
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CHECK ((opens_at IS NULL) = (closes_at IS NULL)),
  -- a closed period is an exception: no hours, no recurrence, both dates
  CHECK (NOT closed OR (freq IS NULL AND opens_at IS NULL AND valid_from IS NOT NULL AND valid_to IS NOT NULL))
);
CREATE INDEX schedules_team_idx ON schedules (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX schedules_location_idx ON schedules (location_id) WHERE location_id IS NOT NULL;

CREATE TABLE phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${TEAM_OR_LOCATION}
  number text NOT NULL CHECK (length(number) BETWEEN 3 AND 40),
  extension integer,
  type text NOT NULL DEFAULT 'voice' CHECK (type IN ('voice', 'text', 'cell', 'fax', 'video', 'pager', 'textphone')),
  description text,
  sort_order integer NOT NULL DEFAULT 0,
  ${ONE_PARENT}
);
CREATE INDEX phones_team_idx ON phones (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX phones_location_idx ON phones (location_id) WHERE location_id IS NOT NULL;

CREATE TABLE languages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${TEAM_OR_LOCATION}
  code text NOT NULL CHECK (code ~ '^[a-z]{2,3}$'),
  name text NOT NULL,
  note text,
  sort_order integer NOT NULL DEFAULT 0,
  ${ONE_PARENT}
);
CREATE UNIQUE INDEX languages_team_code_idx ON languages (team_id, code) WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX languages_location_code_idx ON languages (location_id, code) WHERE location_id IS NOT NULL;
CREATE INDEX languages_code_idx ON languages (code);

CREATE TABLE cost_options (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('free', 'contribution', 'insurance', 'gemeente')),
  option text,
  amount numeric(10, 2) CHECK (amount >= 0),
  currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  amount_description text,
  valid_from date,
  valid_to date,
  sort_order integer NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX cost_options_team_idx ON cost_options (team_id);

CREATE TABLE required_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  document text NOT NULL CHECK (length(document) BETWEEN 1 AND 400),
  uri text,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX required_documents_team_idx ON required_documents (team_id);

CREATE TABLE accessibility (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('wheelchair', 'hearing_loop', 'parking', 'other')),
  description text,
  details text,
  url text,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX accessibility_location_idx ON accessibility (location_id);
${CHILDREN.map(parentBump).join('\n')}
`;

const DOWN = `
${CHILDREN.map((c) => `DROP FUNCTION IF EXISTS ${fnName(c)}() CASCADE;`).join('\n')}
DROP TABLE IF EXISTS accessibility, required_documents, cost_options, languages, phones, schedules;
ALTER TABLE teams DROP CONSTRAINT IF EXISTS teams_age_range,
  DROP COLUMN IF EXISTS fees_description, DROP COLUMN IF EXISTS eligibility_description,
  DROP COLUMN IF EXISTS maximum_age, DROP COLUMN IF EXISTS minimum_age, DROP COLUMN IF EXISTS interpretation_available;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DOWN).execute(db);
}
