// One-time tokens mailed to people: an invitation (choose your first password, 7 days) or a
// password reset (1 hour). Only the SHA-256 of the random token is stored, so a copy of this
// table lets nobody in. Frozen in time: this file never imports application code.
import { type Kysely, sql } from 'kysely';

const UP = `
CREATE TABLE account_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- the account that sent an invitation (null for a reset the person asked for themselves)
  created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, kind);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS account_tokens`.execute(db);
}
