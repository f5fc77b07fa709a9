// npm run user:create -- --email a@b.nl --role admin [--password …] [--org <uuid>]… [--team <uuid>]… [--person <uuid>]
// Without --password the account is invited: the command prints a one-time link (valid 7 days)
// where its owner chooses a password; nothing secret is stored or logged in plain text.
import { findAccountByEmail, replaceScopes } from '../server/auth/auth.queries';
import { issueToken } from '../server/auth/invitations.queries';
import { hashPassword } from '../server/auth/passwords';
import { writeAudit } from '../server/audit/audit.queries';
import type { AccountRole } from '../server/db/types';
import { appLink, args, assertStrong, fail, withDatabase } from './user-common';

const ROLES: AccountRole[] = ['professional', 'editor', 'admin'];
const v = args({ email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' },
  org: { type: 'string', multiple: true }, team: { type: 'string', multiple: true }, person: { type: 'string' } });
const email = String(v.email ?? '').trim();
const role = String(v.role ?? '') as AccountRole;
if (!/^[^\s@]+@[^\s@]+$/.test(email)) fail('Usage: npm run user:create -- --email <address> --role professional|editor|admin [--password <pw>] [--org <id>] [--team <id>] [--person <id>]');
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
const password = typeof v.password === 'string' ? v.password : undefined;
if (password !== undefined) assertStrong(password, [email]);
const scopes = [...((v.org as string[] | undefined) ?? []).map((id) => ({ organisation_id: id, team_id: null })),
  ...((v.team as string[] | undefined) ?? []).map((id) => ({ organisation_id: null, team_id: id }))];
if (scopes.length && role !== 'editor') fail('--org/--team scopes are for editors only.');

await withDatabase(async (db, config) => {
  if (await findAccountByEmail(db, email)) fail(`An account for ${email} already exists (use user:reset).`);
  const passwordHash = password === undefined ? null : await hashPassword(password);
  const now = new Date();
  const link = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('accounts').values({
      email, role, password_hash: passwordHash, person_id: typeof v.person === 'string' ? v.person : null,
      password_changed_at: passwordHash ? now : null,
    }).returning('id').executeTakeFirstOrThrow();
    await replaceScopes(trx, row.id, scopes);
    await writeAudit(trx, { actorAccountId: null, action: 'account_create', entityType: 'account', entityId: row.id,
      after: { email, role, scopes }, meta: { via: 'cli', invited: passwordHash === null } });
    return passwordHash ? null : appLink(config.APP_URL, '/welkom', await issueToken(trx, { accountId: row.id, kind: 'invite', createdBy: null, now }));
  }).catch((error: Error) => fail(`Could not create the account: ${/foreign key/i.test(error.message) ? 'unknown organisation, team or person id' : error.message}`));
  console.log(`Created ${role} account ${email}.`);
  if (link) console.log(`One-time sign-in link (valid 7 days), give it to its owner only:\n${link}`);
});
