// npm run user:reset -- --email a@b.nl [--password …]
// Ends every session and every outstanding link of the account. Without --password it prints a one-time link (valid one
// hour) where the owner chooses a new password; with --password it sets that one.
import { findAccountByEmail } from '../server/auth/auth.queries';
import { endOtherCredentials } from '../server/auth/credentials';
import { issueToken } from '../server/auth/invitations.queries';
import { hashPassword } from '../server/auth/passwords';
import { writeAudit } from '../server/audit/audit.queries';
import { appLink, args, assertStrong, fail, withDatabase } from './user-common';

const v = args({ email: { type: 'string' }, password: { type: 'string' } });
const email = String(v.email ?? '').trim();
if (!email) fail('Usage: npm run user:reset -- --email <address> [--password <pw>]');
const password = typeof v.password === 'string' ? v.password : undefined;
if (password !== undefined) assertStrong(password, [email]);

await withDatabase(async (db, config) => {
  const account = await findAccountByEmail(db, email);
  if (!account) fail(`No account for ${email}.`);
  const passwordHash = password === undefined ? null : await hashPassword(password);
  const now = new Date();
  const result = await db.transaction().execute(async (trx) => {
    if (passwordHash) {
      await trx.updateTable('accounts').set((eb) => ({ password_hash: passwordHash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', account.id).execute();
    }
    const { sessions: revoked, links } = await endOtherCredentials(trx, account.id, { now });
    await writeAudit(trx, { actorAccountId: null, action: 'password_reset', entityType: 'account', entityId: account.id,
      meta: { via: 'cli', sessions_revoked: revoked, links_retired: links, link: passwordHash === null } });
    const link = passwordHash ? null : appLink(config.APP_URL, '/wachtwoord', await issueToken(trx, { accountId: account.id, kind: 'reset', createdBy: null, now }));
    return { revoked, link };
  });
  console.log(`${email}: ${result.revoked} session(s) ended.`);
  console.log(result.link ? `One-time link to choose a new password (valid 1 hour):\n${result.link}` : 'New password set.');
});
