// Accounts, their editing scopes, server-side sessions, the audit log and the shared
// rate-limit counters. Frozen in time: this file never imports application code.
import { type Kysely, sql } from 'kysely';

const UP = `
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = btrim(email) AND email LIKE '%_@_%'),
  -- null: invited, no password chosen yet (cannot sign in)
  password_hash text,
  role text NOT NULL CHECK (role IN ('professional', 'editor', 'admin')),
  person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  deactivated_at timestamptz,
  password_changed_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  last_sign_in_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_idx ON accounts (lower(email));
CREATE INDEX accounts_person_idx ON accounts (person_id);

-- The organisations and teams an editor may edit: one of the two per row.
CREATE TABLE account_scopes (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
  team_id uuid REFERENCES teams(id) ON DELETE CASCADE,
  CHECK ((organisation_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX account_scopes_org_idx ON account_scopes (account_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX account_scopes_team_idx ON account_scopes (account_id, team_id) WHERE team_id IS NOT NULL;

-- Only the SHA-256 of the random cookie token is stored: a copy of this table signs nobody in.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Who did what, when. Never holds password hashes, session tokens or TOTP secrets.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  before jsonb,
  after jsonb,
  meta jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id, at DESC);

-- Fixed-window counters shared by every app instance (rate limiting).
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL DEFAULT 0,
  reset_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_reset_idx ON rate_limits (reset_at);
`;

const DOWN = `DROP TABLE IF EXISTS rate_limits, audit_log, sessions, account_scopes, accounts;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DOWN).execute(db);
}
