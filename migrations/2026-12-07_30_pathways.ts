// The verwijswijzer (issue 18): per situation, the agreed route of whom to involve first.
// A pathway is a record like a team: version owned by the trigger, verified ("klopt nog"),
// archived rather than deleted. Its ordered steps are one jsonb list on the row (validated by
// the app's schema), so a change to any step bumps the pathway's own version, with no child
// table to keep in step. Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE pathways (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,63}$'),
  audience text NOT NULL DEFAULT 'professionals' CHECK (audience IN ('professionals', 'residents', 'both')),
  title text NOT NULL,
  situation text NOT NULL DEFAULT '',
  resident_title text,
  resident_situation text,
  topics text[] NOT NULL DEFAULT '{}',
  steps jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(steps) = 'array'),
  sort_order integer NOT NULL DEFAULT 0,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_verified_at timestamptz,
  last_verified_by uuid REFERENCES accounts(id) ON DELETE SET NULL
);
CREATE INDEX pathways_steps_idx ON pathways USING gin (steps jsonb_path_ops);
CREATE TRIGGER pathways_bump_version BEFORE UPDATE ON pathways FOR EACH ROW EXECUTE FUNCTION wijkweb_bump_version();
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS pathways;').execute(db);
}
