// Plain words for team types, for residents: a short name for the badge ("Huisarts",
// "School" rather than "Team") and one plain line under a jargon label ("Ambulante
// jeugdhulp (gebiedsgericht)": "Hulp thuis voor kinderen en ouders…"). Nullable: an
// installation's own types work without them. Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
ALTER TABLE team_types ADD COLUMN short_nl text, ADD COLUMN short_en text, ADD COLUMN plain_nl text, ADD COLUMN plain_en text;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
ALTER TABLE team_types DROP COLUMN IF EXISTS plain_en, DROP COLUMN IF EXISTS plain_nl,
  DROP COLUMN IF EXISTS short_en, DROP COLUMN IF EXISTS short_nl;
`).execute(db);
}
