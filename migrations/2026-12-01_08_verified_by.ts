// "Klopt nog" is recorded with who confirmed it: last_verified_by becomes a reference to
// the account (it held a free-text label before), and accounts get the same automatic
// version bump as every other editable record. Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

const TABLES = ['team_types', 'topics', 'areas', 'organisations', 'teams', 'locations', 'people', 'memberships'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const parts = TABLES.map((t) => `
ALTER TABLE ${t} ALTER COLUMN last_verified_by TYPE uuid USING (CASE WHEN last_verified_by ~* '^[0-9a-f-]{36}$' THEN last_verified_by::uuid END);
ALTER TABLE ${t} ADD CONSTRAINT ${t}_last_verified_by_fkey FOREIGN KEY (last_verified_by) REFERENCES accounts(id) ON DELETE SET NULL;`);
  parts.push('CREATE TRIGGER accounts_bump_version BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION wijkweb_bump_version();');
  await sql.raw(parts.join('\n')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const parts = ['DROP TRIGGER IF EXISTS accounts_bump_version ON accounts;'];
  for (const t of TABLES) {
    parts.push(`ALTER TABLE ${t} DROP CONSTRAINT IF EXISTS ${t}_last_verified_by_fkey;`);
    parts.push(`ALTER TABLE ${t} ALTER COLUMN last_verified_by TYPE text USING last_verified_by::text;`);
  }
  await sql.raw(parts.join('\n')).execute(db);
}
