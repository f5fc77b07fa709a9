// Mijn gegevens: everything stored about the signed-in account and its person, read for
// that account alone. Secrets never leave (password hash, TOTP secret, token hashes), and
// nothing of anyone else does: audit entries the account wrote about OTHER records carry
// what was done and when, not the values (those may be a colleague's data).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import type { SignedIn } from '../auth/auth.guards';
import { ownPersonRecord } from '../people/people.visibility';

/** At most this many audit entries in one export (newest first); `audit_truncated` says so. */
const AUDIT_CAP = 5000;

export async function collectMyData(db: Kysely<DB>, audience: SignedIn, currentSessionId: string | null) {
  const account = await db.selectFrom('accounts')
    .select(['id', 'email', 'role', 'created_at', 'updated_at', 'last_sign_in_at', 'password_changed_at', 'deactivated_at',
      sql<boolean>`totp_enabled_at is not null`.as('two_factor_enabled')])
    .where('id', '=', audience.accountId).executeTakeFirstOrThrow();
  const scopes = await db.selectFrom('account_scopes as s').leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .select(['s.organisation_id', 'o.name as organisation_name', 's.team_id', 't.name as team_name'])
    .where('s.account_id', '=', audience.accountId).execute();
  const sessions = await db.selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at', 'user_agent'])
    .where('account_id', '=', audience.accountId).orderBy('created_at', 'desc').execute();
  const person = (await ownPersonRecord(db, audience)) ?? null;
  const personId = person?.id ?? null;
  const memberships = personId
    ? await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
      .innerJoin('organisations as o', 'o.id', 't.organisation_id')
      .select(['m.id', 'm.team_id', 't.name as team_name', 'o.name as organisation_name', 'm.role', 'm.is_contact_person',
        'm.since', 'm.until', 'm.created_at', 'm.updated_at'])
      .where('m.person_id', '=', personId).orderBy('m.since', 'desc').execute()
    : [];
  const consents = personId
    ? await db.selectFrom('person_consents').select(['field', 'granted_at', 'withdrawn_at'])
      .where('person_id', '=', personId).orderBy('granted_at', 'desc').execute()
    : [];
  const photo = personId
    ? await db.selectFrom('person_photos').select(['hash', 'content_type', 'width', 'height', 'created_at'])
      .where('person_id', '=', personId).executeTakeFirst() ?? null
    : null;
  const audit = await auditAbout(db, audience.accountId, personId, memberships.map((m) => m.id));
  return {
    generated_at: new Date().toISOString(),
    account: { ...account, scopes },
    person, photo, memberships, consents,
    sessions: sessions.map((s) => ({ ...s, current: s.id === currentSessionId })),
    audit: audit.slice(0, AUDIT_CAP), audit_truncated: audit.length > AUDIT_CAP,
  };
}

/** Audit entries by this account or about its account, person or memberships. */
async function auditAbout(db: Kysely<DB>, accountId: string, personId: string | null, membershipIds: string[]) {
  const aboutIds = [accountId, ...(personId ? [personId] : []), ...membershipIds];
  const rows = await db.selectFrom('audit_log')
    .select(['id', 'at', 'actor_account_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'meta'])
    .where((eb) => eb.or([eb('actor_account_id', '=', accountId), eb('entity_id', 'in', aboutIds)]))
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(AUDIT_CAP + 1).execute();
  const about = new Set(aboutIds);
  return rows.map((r) => {
    const mine = r.entity_id !== null && about.has(r.entity_id);
    return {
      id: String(r.id), at: r.at, action: r.action, entity_type: r.entity_type, entity_id: r.entity_id,
      // Who else acted stays out (their account is their data); "by me" is what matters here.
      by_me: r.actor_account_id === accountId,
      before: mine ? r.before : null, after: mine ? r.after : null, meta: mine ? r.meta : null,
    };
  });
}
