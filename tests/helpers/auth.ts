// Accounts and sign-in for tests: a real account row (argon2id hash) and a real sign-in
// through POST /api/auth/login, returning the Cookie header a browser would send back.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { replaceScopes } from '../../server/auth/auth.queries';
import { hashPassword } from '../../server/auth/passwords';
import type { AccountRole, DB } from '../../server/db/types';
import { SESSION_COOKIE } from '../../server/http/session-cookie';
import { DEMO_ACCOUNTS } from '../../seeds/demo/accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/demo/accounts';

export interface NewAccount {
  email: string;
  password?: string | null;
  role: AccountRole;
  personId?: string | null;
  scopes?: { organisationId?: string; teamId?: string }[];
}

// Hashing costs ~50 ms; tests create many accounts with the same few passwords.
const hashes = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

/** Inserts an account (and its editor scopes); returns its id. `password: null` = invited. */
export async function createAccount(db: Kysely<DB>, account: NewAccount): Promise<string> {
  const passwordHash = account.password === null ? null : await cachedHash(account.password ?? 'correct horse battery staple');
  const row = await db.insertInto('accounts').values({
    email: account.email, password_hash: passwordHash, role: account.role, person_id: account.personId ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  if (account.scopes?.length) {
    await replaceScopes(db, row.id, account.scopes.map((s) => ({ organisation_id: s.organisationId ?? null, team_id: s.teamId ?? null })));
  }
  return row.id;
}

/** The `name=value` pair of the session cookie in a response, or undefined. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line?.split(';')[0];
}

// Each sign-in comes from its own loopback address, so tests that sign in often don't run
// into the per-address sign-in limit (tests/auth/rate-limit.test.ts tests that limit on purpose).
let nextAddress = 0;
const freshAddress = () => { nextAddress++; return `127.77.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`; };

/** Signs in through the API; returns the Cookie header value ("wijkweb_session=…"). Throws on failure. */
export async function signIn(app: FastifyInstance, email: string, password: string, headers: Record<string, string> = {}, remoteAddress = freshAddress()): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers, remoteAddress });
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return cookie;
}

/**
 * The Cookie header of four readers who see people differently: a resident (none), a
 * colleague with team-level rights (the demo professional), a professional in no team, and
 * an admin. For tests that hold an answer to the same standard for each of them.
 */
export async function readerCookies(app: FastifyInstance, db: Kysely<DB>): Promise<Record<'resident' | 'colleague' | 'outsider' | 'admin', string | undefined>> {
  const password = 'een lang en sterk wachtwoord 42';
  await createAccount(db, { email: 'buiten@wijkweb.test', role: 'professional', password });
  return {
    resident: undefined,
    colleague: await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password),
    outsider: await signIn(app, 'buiten@wijkweb.test', password),
    admin: await signIn(app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password),
  };
}
