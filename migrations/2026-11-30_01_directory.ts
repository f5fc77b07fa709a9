// The directory: taxonomy, areas, organisations, teams, locations, people, memberships.
// Frozen in time: this file never imports application code. SQL is written so that
// PostgreSQL 15 (server) and PGlite (PostgreSQL 18) both accept it.
import { type Kysely, sql } from 'kysely';

// Columns every editable row carries (domain.md): optimistic concurrency + verification.
const EDITABLE = `
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_verified_at timestamptz,
  last_verified_by text`;

const UP = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE team_types (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  label_nl text NOT NULL,
  label_en text NOT NULL,
  framework text,
  -- groups a buurt's teams on the area page: first_contact, care, welfare, informal, other
  category text NOT NULL DEFAULT 'other'
    CHECK (category IN ('first_contact', 'care', 'welfare', 'informal', 'other')),
  sort_order integer NOT NULL DEFAULT 0,${EDITABLE}
);

CREATE TABLE topics (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  label_nl text NOT NULL,
  label_en text NOT NULL,
  domain text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,${EDITABLE}
);

-- Lay words residents type ("geldzorgen", "deurwaarder") mapped to a topic.
CREATE TABLE topic_synonyms (
  topic_key text NOT NULL REFERENCES topics(key) ON UPDATE CASCADE ON DELETE CASCADE,
  phrase text NOT NULL,
  lang text NOT NULL DEFAULT 'nl' CHECK (lang IN ('nl', 'en')),
  PRIMARY KEY (topic_key, phrase)
);
CREATE INDEX topic_synonyms_phrase_idx ON topic_synonyms (lower(phrase));

CREATE TABLE areas (
  code text PRIMARY KEY CHECK (code ~ '^(GM|WK|BU)[0-9]{4,8}$'),
  kind text NOT NULL CHECK (kind IN ('gemeente', 'wijk', 'buurt')),
  name text NOT NULL,
  parent_code text REFERENCES areas(code) ON UPDATE CASCADE,
  geometry jsonb,
  min_lon double precision, min_lat double precision,
  max_lon double precision, max_lat double precision,
  -- most common PC4 postcode(s), for the offline "benadering" lookup
  postcodes text[] NOT NULL DEFAULT '{}',
  population integer,${EDITABLE},
  CHECK ((kind = 'gemeente') = (parent_code IS NULL))
);
CREATE INDEX areas_parent_idx ON areas (parent_code);
CREATE INDEX areas_kind_idx ON areas (kind);
CREATE INDEX areas_bbox_idx ON areas (min_lon, max_lon, min_lat, max_lat);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  website text,
  phone text,
  email text,
  archived_at timestamptz,${EDITABLE}
);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  team_type text NOT NULL REFERENCES team_types(key) ON UPDATE CASCADE,
  description text NOT NULL DEFAULT '',
  target_groups text[] NOT NULL DEFAULT '{}',
  access text NOT NULL DEFAULT 'self_referral' CHECK (access IN
    ('walk_in', 'self_referral', 'gp_referral', 'district_team_referral', 'municipal_decision')),
  funding text,
  public_phone text,
  public_email text,
  website text,
  walk_in_hours text,
  archived_at timestamptz,${EDITABLE}
);
CREATE INDEX teams_organisation_idx ON teams (organisation_id);
CREATE INDEX teams_type_idx ON teams (team_type);

CREATE TABLE team_topics (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  topic_key text NOT NULL REFERENCES topics(key) ON UPDATE CASCADE,
  PRIMARY KEY (team_id, topic_key)
);
CREATE INDEX team_topics_topic_idx ON team_topics (topic_key);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text,
  street text NOT NULL,
  house_number text NOT NULL,
  postcode text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  city text NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  buurt_code text REFERENCES areas(code) ON UPDATE CASCADE,
  opening_hours text,
  archived_at timestamptz,${EDITABLE}
);
CREATE INDEX locations_latlon_idx ON locations (lat, lon);
CREATE INDEX locations_buurt_idx ON locations (buurt_code);

CREATE TABLE team_locations (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, location_id)
);
CREATE INDEX team_locations_location_idx ON team_locations (location_id);

-- Service area: explicit team-buurt rows; a team serving a whole wijk or gemeente is
-- expanded to its buurten when written, so "who serves this address" is one join.
CREATE TABLE team_areas (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  area_code text NOT NULL REFERENCES areas(code) ON UPDATE CASCADE ON DELETE CASCADE,
  coverage text NOT NULL DEFAULT 'buurt' CHECK (coverage IN ('buurt', 'wijk', 'gemeente', 'regio')),
  PRIMARY KEY (team_id, area_code)
);
CREATE INDEX team_areas_area_idx ON team_areas (area_code);

-- People are not public by default (domain.md). public_profile is the person's opt-in to
-- show name, photo/initials, job title and expertise to residents. Each contact field has
-- its own visibility level; a 06 number is never public, enforced here as well as in code.
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  given_name text NOT NULL,
  family_name text NOT NULL,
  pronouns text,
  job_title text NOT NULL DEFAULT '',
  ask_me_about text NOT NULL DEFAULT '',
  languages text[] NOT NULL DEFAULT '{nl}',
  working_days text[] NOT NULL DEFAULT '{}',
  photo_url text,
  photo_consent boolean NOT NULL DEFAULT false,
  public_profile boolean NOT NULL DEFAULT false,
  phone_mobile text,
  phone_mobile_visibility text NOT NULL DEFAULT 'professionals'
    CHECK (phone_mobile_visibility IN ('professionals', 'team')),
  phone_work text,
  phone_work_visibility text NOT NULL DEFAULT 'professionals'
    CHECK (phone_work_visibility IN ('public', 'professionals', 'team')),
  email_work text,
  email_work_visibility text NOT NULL DEFAULT 'professionals'
    CHECK (email_work_visibility IN ('public', 'professionals', 'team')),
  availability_note text,
  private_notes text,
  archived_at timestamptz,${EDITABLE},
  CHECK (working_days <@ ARRAY['ma','di','wo','do','vr','za','zo']::text[])
);

CREATE TABLE person_topics (
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  topic_key text NOT NULL REFERENCES topics(key) ON UPDATE CASCADE,
  PRIMARY KEY (person_id, topic_key)
);
CREATE INDEX person_topics_topic_idx ON person_topics (topic_key);

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member',
  is_contact_person boolean NOT NULL DEFAULT false,
  since date,
  until date,${EDITABLE},
  CHECK (until IS NULL OR since IS NULL OR until >= since)
);
CREATE INDEX memberships_team_idx ON memberships (team_id);
CREATE INDEX memberships_person_idx ON memberships (person_id);
`;

const DOWN = `
DROP TABLE IF EXISTS memberships, person_topics, people, team_areas, team_locations,
  locations, team_topics, teams, organisations, areas, topic_synonyms, topics, team_types;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DOWN).execute(db);
}
