// Sign-in, step by step. The same 401 `invalid_credentials`, after about the same time,
// for an unknown e-mail, a wrong password, an invited account without a password and a
// deactivated account: the answer never tells which accounts exist.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../audit/audit.queries';
import { HttpError } from '../http/errors';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from '../http/rate-limit';
import { sessionToken, setSessionCookie } from '../http/session-cookie';
import { findAccountByEmail, normaliseEmail } from './auth.queries';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './passwords';
import { createSession, hashToken, pruneSessions, timeoutsFromConfig } from './sessions';
import { verifyTotpOnce } from './totp.verify';

export const invalidCredentials = () => new HttpError(401, 'invalid_credentials',
  'E-mailadres of wachtwoord klopt niet. / E-mail address or password is incorrect.');

export interface LoginInput { email: string; password: string; code?: string | undefined }

export async function login(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, input: LoginInput) {
  const db = app.database.db;
  const email = normaliseEmail(input.email);
  await checkLoginAllowed(app, reply, email, request.ip);
  const account = await findAccountByEmail(db, email);
  const usable = account && account.password_hash !== null && account.deactivated_at === null;
  const ok = usable ? await verifyPassword(account.password_hash!, input.password) : await dummyVerify(input.password);
  if (!ok || !account) {
    await recordLoginFailure(app, email, request.ip);
    await writeAudit(db, {
      actorAccountId: null, action: 'login_failed', entityType: account ? 'account' : null, entityId: account?.id ?? null,
      meta: { reason: !account ? 'unknown_account' : account.deactivated_at ? 'deactivated' : account.password_hash === null ? 'no_password' : 'wrong_password' },
    });
    throw invalidCredentials();
  }
  try {
    // A code that already signed in once is refused (replay), across instances.
    await verifyTotpOnce(db, account, input.code, app.clock());
  } catch (error) {
    // A wrong second factor counts like a wrong password (the same limits slow a guesser).
    await recordLoginFailure(app, email, request.ip);
    await writeAudit(db, { actorAccountId: null, action: 'login_failed', entityType: 'account', entityId: account.id, meta: { reason: input.code ? 'wrong_code' : 'code_required' } });
    throw error;
  }
  await recordLoginSuccess(app, email, request.ip);
  const now = app.clock();
  const previous = sessionToken(request);
  const session = await db.transaction().execute(async (trx) => {
    // A cookie that came in with the sign-in is never promoted: it is ended and replaced.
    if (previous) await trx.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', hashToken(previous)).where('revoked_at', 'is', null).execute();
    const created = await createSession(trx, account.id, { userAgent: request.headers['user-agent'] ?? null, now, timeouts: timeoutsFromConfig(app.config) });
    await trx.updateTable('accounts').set({ last_sign_in_at: now }).where('id', '=', account.id).execute();
    await writeAudit(trx, { actorAccountId: account.id, action: 'login', entityType: 'session', entityId: created.id });
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
