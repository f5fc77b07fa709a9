// Full-text and typo-tolerant search: generated tsvector columns (Dutch stemming over
// unaccented text) with GIN indexes, and normalised names with trigram GIN indexes. Frozen in time:
// never imports application code. Accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).
import { type Kysely, sql } from 'kysely';

// unaccent() is only STABLE (its dictionary could change), so a generated column or an
// index may not call it. These wrappers name the dictionary explicitly and promise
// immutability, which holds as long as nobody edits unaccent.rules in place.
// wijkweb_norm is the form names are compared in for trigrams: lower case, no accents.
const FUNCTIONS = `
CREATE FUNCTION wijkweb_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE FUNCTION wijkweb_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
`;

/** setweight(to_tsvector('dutch', unaccented column), weight); coalesce keeps nulls out. */
const w = (column: string, weight: 'A' | 'B' | 'C' | 'D') =>
  `setweight(to_tsvector('dutch'::regconfig, wijkweb_unaccent(coalesce(${column}, ''))), '${weight}')`;

const vector = (parts: string[]) =>
  `tsvector GENERATED ALWAYS AS (${parts.join(' || ')}) STORED`;

// The name is weighted A, what the record does B, anything else C.
const COLUMNS: Record<string, string> = {
  teams: vector([w('name', 'A'), w('description', 'B')]),
  organisations: vector([w('name', 'A'), w('description', 'B')]),
  people: vector([w('given_name', 'A'), w('family_name', 'A'), w('job_title', 'B'), w('ask_me_about', 'C')]),
  topics: vector([w('label_nl', 'A'), w('label_en', 'C')]),
  team_types: vector([w('label_nl', 'A'), w('label_en', 'C')]),
  topic_synonyms: vector([w('phrase', 'A')]),
};

// Names in comparable form (lower case, no accents), stored: queries read the column
// instead of calling wijkweb_norm per row (an IMMUTABLE wrapper around a STABLE function
// is never inlined, so each call costs tens of microseconds). Trigram GIN indexes on them
// serve typos (<%, %) and exact names (=).
const NORMALISED: Record<string, [column: string, expression: string]> = {
  teams: ['name_norm', 'wijkweb_norm(name)'],
  organisations: ['name_norm', 'wijkweb_norm(name)'],
  people: ['name_norm', `wijkweb_norm(given_name || ' ' || family_name)`],
  topic_synonyms: ['phrase_norm', 'wijkweb_norm(phrase)'],
};
const TRIGRAM = ['teams', 'organisations', 'people'];

function upSql(): string {
  const parts = [FUNCTIONS];
  for (const [table, column] of Object.entries(COLUMNS)) {
    parts.push(`ALTER TABLE ${table} ADD COLUMN search_vector ${column};`);
    parts.push(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_vector);`);
  }
  for (const [table, [column, expression]] of Object.entries(NORMALISED)) {
    parts.push(`ALTER TABLE ${table} ADD COLUMN ${column} text GENERATED ALWAYS AS (${expression}) STORED;`);
  }
  for (const table of TRIGRAM) parts.push(`CREATE INDEX ${table}_name_trgm_idx ON ${table} USING gin (name_norm gin_trgm_ops);`);
  // A lay phrase matches when all of its words occur in the query ("rekeningen niet
  // betalen" inside "ik kan mijn rekeningen niet betalen"): its tsquery, computed once.
  parts.push(`ALTER TABLE topic_synonyms ADD COLUMN phrase_query tsquery
    GENERATED ALWAYS AS (plainto_tsquery('dutch'::regconfig, wijkweb_unaccent(phrase))) STORED;`);
  return parts.join('\n');
}

function downSql(): string {
  const parts = ['ALTER TABLE topic_synonyms DROP COLUMN phrase_query;'];
  // Dropping a column drops its indexes (GIN and trigram) with it.
  for (const [table, [column]] of Object.entries(NORMALISED)) parts.push(`ALTER TABLE ${table} DROP COLUMN ${column};`);
  for (const table of Object.keys(COLUMNS)) parts.push(`ALTER TABLE ${table} DROP COLUMN search_vector;`);
  parts.push('DROP FUNCTION wijkweb_norm(text);', 'DROP FUNCTION wijkweb_unaccent(text);');
  return parts.join('\n');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(upSql()).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(downSql()).execute(db);
}
