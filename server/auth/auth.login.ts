// Sign-in, step by step. One form: e-mail, password, and an optional code from the
// authenticator app. Every wrong combination gets the same 401 `invalid_credentials`, after
// about the same time (one argon2id verification): an unknown e-mail, a wrong password, an
// invited or deactivated account, and, for an account with a second factor, a right password
// with no code, a wrong code or a used one. A two-step form ("password right, now the code")
// would tell whoever guesses passwords which guess was right and that the account has TOTP;
// so the form always offers the code field and the answer never says which part was wrong.
// The code is only looked at after the password checked out; for an account without a second
// factor it is ignored. The new session records whether a code was proved (REQUIRE_MFA).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../audit/audit.queries';
import { HttpError } from '../http/errors';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from '../http/rate-limit';
import { sessionToken, setSessionCookie } from '../http/session-cookie';
import { findAccountByEmail, normaliseEmail } from './auth.queries';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './passwords';
import { createSession, hashToken, pruneSessions, timeoutsFromConfig } from './sessions.queries';
import { checkSecondFactor } from './totp.verify';

const invalidCredentials = () => new HttpError(401, 'invalid_credentials',
  'E-mailadres, wachtwoord of code klopt niet. / E-mail address, password or code is incorrect.');

interface LoginInput { email: string; password: string; code?: string | undefined }

type FailureReason = 'unknown_account' | 'deactivated' | 'no_password' | 'wrong_password' | 'code_required' | 'wrong_code';

export async function login(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, input: LoginInput) {
  const db = app.database.db;
  const email = normaliseEmail(input.email);
  await checkLoginAllowed(app, reply, email, request.ip);
  const account = await findAccountByEmail(db, email);

  // Every refusal takes this one path: the same counters, one audit row, the same answer.
  const refuse = async (reason: FailureReason): Promise<never> => {
    await recordLoginFailure(app, email, request.ip);
    await writeAudit(db, { actorAccountId: null, action: 'login_failed', entityType: account ? 'account' : null, entityId: account?.id ?? null, meta: { reason } });
    throw invalidCredentials();
  };

  const usable = account && account.password_hash !== null && account.deactivated_at === null;
  const ok = usable ? await verifyPassword(account.password_hash!, input.password) : await dummyVerify(input.password);
  if (!ok || !account) {
    return refuse(!account ? 'unknown_account' : account.deactivated_at ? 'deactivated' : account.password_hash === null ? 'no_password' : 'wrong_password');
  }
  // A code that already signed in once is refused (replay), across instances.
  const secondFactor = await checkSecondFactor(db, account, input.code, app.clock());
  if (secondFactor === 'refused') return refuse(input.code ? 'wrong_code' : 'code_required');

  await recordLoginSuccess(app, email, request.ip);
  const now = app.clock();
  const previous = sessionToken(request);
  const session = await db.transaction().execute(async (trx) => {
    // A cookie that came in with the sign-in is never promoted: it is ended and replaced.
    if (previous) await trx.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', hashToken(previous)).where('revoked_at', 'is', null).execute();
    const created = await createSession(trx, account.id, {
      userAgent: request.headers['user-agent'] ?? null, now, timeouts: timeoutsFromConfig(app.config), secondFactor: secondFactor === 'proved',
    });
    await trx.updateTable('accounts').set({ last_sign_in_at: now }).where('id', '=', account.id).execute();
    await writeAudit(trx, { actorAccountId: account.id, action: 'login', entityType: 'session', entityId: created.id, meta: { second_factor: secondFactor === 'proved' } });
    return created;
  });
  // Sessions past their absolute limit for a week are dead weight: sign-in is a rare enough moment to sweep them.
  await pruneSessions(db, now);
  if (needsRehash(account.password_hash!)) {
    await db.updateTable('accounts').set({ password_hash: await hashPassword(input.password) }).where('id', '=', account.id).execute();
  }
  setSessionCookie(request, reply, session.token, session.expiresAt);
  return { accountId: account.id, sessionId: session.id };
}
