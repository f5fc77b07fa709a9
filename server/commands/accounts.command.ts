// user:create and user:reset: the first admin of a new installation, and a way back in.
// Without --password the owner gets a one-time link (to APP_URL) where they choose a
// password; nothing secret is stored or printed in plain text beyond that link.
import { parseArgs } from 'node:util';
import { findAccountByEmail, replaceScopes } from '../auth/auth.queries';
import { endOtherCredentials } from '../auth/credentials';
import { issueToken, setPassword } from '../auth/invitations.queries';
import { hashPassword } from '../auth/passwords';
import { writeAudit } from '../audit/audit.queries';
import type { AccountRole } from '../db/types';
import { CommandFailed, usageError, type Command } from './command';

const ROLES: AccountRole[] = ['professional', 'editor', 'admin', 'analist'];

function options<T extends Record<string, { type: 'string'; multiple?: boolean }>>(command: Command, args: string[], spec: T) {
  try {
    return parseArgs({ args: args.filter((a) => a !== '--'), options: spec, allowPositionals: false }).values as Record<string, string | string[] | undefined>;
  } catch (error) {
    throw new CommandFailed(`${(error as Error).message}\nUsage: ${command.usage}`, 2);
  }
}

/** Refuses a password the policy refuses, with its reasons (its dictionaries load only when needed). */
async function assertStrong(password: string, inputs: string[]): Promise<void> {
  const { checkPassword } = await import('../auth/password-policy');
  const result = await checkPassword(password, inputs);
  if (!result.ok) throw new CommandFailed(`Password refused: ${result.reasons.join(', ')} (zxcvbn score ${result.score}).`);
}

const appLink = (appUrl: string, path: string, token: string) => `${appUrl.replace(/\/$/, '')}${path}?token=${token}`;

const CREATE_SPEC = { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' },
  org: { type: 'string', multiple: true }, team: { type: 'string', multiple: true }, person: { type: 'string' } } as const;

async function readCreate(command: Command, args: string[]) {
  const v = options(command, args, CREATE_SPEC);
  const email = String(v.email ?? '').trim();
  const role = String(v.role ?? '') as AccountRole;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw usageError(command);
  if (!ROLES.includes(role)) throw new CommandFailed(`--role must be one of ${ROLES.join(', ')}`, 2);
  const password = typeof v.password === 'string' ? v.password : undefined;
  if (password !== undefined) await assertStrong(password, [email]);
  const scopes = [...((v.org as string[] | undefined) ?? []).map((id) => ({ organisation_id: id, team_id: null })),
    ...((v.team as string[] | undefined) ?? []).map((id) => ({ organisation_id: null, team_id: id }))];
  if (scopes.length && role !== 'editor') throw new CommandFailed('--org/--team scopes are for editors only.', 2);
  return { email, role, password, scopes, person: typeof v.person === 'string' ? v.person : null };
}

export const userCreate: Command = {
  name: 'user:create',
  usage: 'user:create --email <address> --role professional|editor|admin [--password <pw>] [--org <id>]… [--team <id>]… [--person <id>]',
  besideServer: () => true,
  async check(args) { await readCreate(this, args); },
  async run({ db, config, args, out }) {
    const { email, role, password, scopes, person } = await readCreate(this, args);
    if (await findAccountByEmail(db, email)) throw new CommandFailed(`An account for ${email} already exists (use user:reset).`);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    const now = new Date();
    const link = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('accounts').values({
        email, role, password_hash: passwordHash, person_id: person, password_changed_at: passwordHash ? now : null,
      }).returning('id').executeTakeFirstOrThrow();
      await replaceScopes(trx, row.id, scopes);
      await writeAudit(trx, { actorAccountId: null, action: 'account_create', entityType: 'account', entityId: row.id,
        after: { email, role, scopes }, meta: { via: 'cli', invited: passwordHash === null } });
      return passwordHash ? null : appLink(config.APP_URL, '/welkom', await issueToken(trx, { accountId: row.id, kind: 'invite', createdBy: null, now }));
    }).catch((error: Error) => {
      throw new CommandFailed(`Could not create the account: ${/foreign key|invalid input syntax for type uuid/i.test(error.message) ? 'unknown organisation, team or person id' : error.message}`);
    });
    out.log(`Created ${role} account ${email}.`);
    if (link) out.log(`One-time sign-in link (valid 7 days), give it to its owner only:\n${link}`);
  },
};

async function readReset(command: Command, args: string[]) {
  const v = options(command, args, { email: { type: 'string' }, password: { type: 'string' } });
  const email = String(v.email ?? '').trim();
  if (!email) throw usageError(command);
  const password = typeof v.password === 'string' ? v.password : undefined;
  if (password !== undefined) await assertStrong(password, [email]);
  return { email, password };
}

export const userReset: Command = {
  name: 'user:reset',
  usage: 'user:reset --email <address> [--password <pw>]   (ends every session and outstanding link; prints a new one-time link)',
  besideServer: () => true,
  async check(args) { await readReset(this, args); },
  async run({ db, config, args, out }) {
    const { email, password } = await readReset(this, args);
    const account = await findAccountByEmail(db, email);
    if (!account) throw new CommandFailed(`No account for ${email}.`);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    const now = new Date();
    const result = await db.transaction().execute(async (trx) => {
      if (passwordHash) {
        await setPassword(trx, account.id, passwordHash, now);
      }
      const { sessions: revoked, links } = await endOtherCredentials(trx, account.id, { now });
      await writeAudit(trx, { actorAccountId: null, action: 'password_reset', entityType: 'account', entityId: account.id,
        meta: { via: 'cli', sessions_revoked: revoked, links_retired: links, link: passwordHash === null } });
      const link = passwordHash ? null : appLink(config.APP_URL, '/wachtwoord', await issueToken(trx, { accountId: account.id, kind: 'reset', createdBy: null, now }));
      return { revoked, link };
    });
    out.log(`${email}: ${result.revoked} session(s) ended.`);
    out.log(result.link ? `One-time link to choose a new password (valid 1 hour):\n${result.link}` : 'New password set.');
  },
};
