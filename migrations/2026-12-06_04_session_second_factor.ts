// A session remembers whether it was established with the second factor: with
// REQUIRE_MFA=editors only such a session may write, so switching TOTP on from one device
// never lends write rights to a session that signed in with the password alone.
// Existing sessions count as password-only (the safe reading). Frozen in time: this file
// never imports application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions DROP COLUMN IF EXISTS second_factor_at`.execute(db);
}
