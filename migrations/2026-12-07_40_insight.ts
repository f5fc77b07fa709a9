// Insight for the gemeente (issue 17): the analist role, the CBS key figures per area as the
// Wijk- en Buurtkaart carries them, and usage counted per week as aggregates only (no cookie,
// address, user agent or session: nothing in these rows points at a person).
// Frozen in time: this file never imports application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check`.execute(db);
  await sql`ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('professional', 'editor', 'admin', 'analist'))`.execute(db);
  // CBS figures; shares are whole percentages as CBS publishes them; null = unknown or secret.
  await sql`ALTER TABLE areas
    ADD COLUMN households integer CHECK (households >= 0),
    ADD COLUMN share_0_15 smallint CHECK (share_0_15 BETWEEN 0 AND 100),
    ADD COLUMN share_65_plus smallint CHECK (share_65_plus BETWEEN 0 AND 100),
    ADD COLUMN share_single_person smallint CHECK (share_single_person BETWEEN 0 AND 100),
    ADD COLUMN share_with_children smallint CHECK (share_with_children BETWEEN 0 AND 100),
    ADD COLUMN share_rented smallint CHECK (share_rented BETWEEN 0 AND 100),
    ADD COLUMN land_ha integer CHECK (land_ha >= 0),
    ADD COLUMN figures_year smallint CHECK (figures_year BETWEEN 1990 AND 2100)`.execute(db);
  // One row per week, kind, key and area: instances add to it with an upsert (count = count + n).
  // kind: term (a normalised search term), zero (a term that found nothing), topic (a help
  // topic asked), lookup (an address looked up, key = ''). area_code '' = no area named.
  await sql`CREATE TABLE usage_counts (
    week date NOT NULL CHECK (extract(isodow from week) = 1),
    kind text NOT NULL CHECK (kind IN ('term', 'zero', 'topic', 'lookup')),
    key text NOT NULL CHECK (length(key) <= 200),
    area_code text NOT NULL DEFAULT '',
    count integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (week, kind, key, area_code)
  )`.execute(db);
  await sql`CREATE INDEX usage_counts_area_idx ON usage_counts (area_code, week)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS usage_counts`.execute(db);
  await sql`ALTER TABLE areas DROP COLUMN IF EXISTS households, DROP COLUMN IF EXISTS share_0_15, DROP COLUMN IF EXISTS share_65_plus,
    DROP COLUMN IF EXISTS share_single_person, DROP COLUMN IF EXISTS share_with_children, DROP COLUMN IF EXISTS share_rented,
    DROP COLUMN IF EXISTS land_ha, DROP COLUMN IF EXISTS figures_year`.execute(db);
  await sql`DELETE FROM accounts WHERE role = 'analist'`.execute(db);
  await sql`ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check`.execute(db);
  await sql`ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('professional', 'editor', 'admin'))`.execute(db);
}
