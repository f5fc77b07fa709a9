// Redeeming a mailed token (invitation or reset): the one path that turns a token and a new
// password into a changed account. Checks in an order that burns nothing on a mistake: a
// refused password leaves the token usable; the token is used up atomically with the change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../audit/audit.queries';
import { HttpError } from '../http/errors';
import { setSessionCookie } from '../http/session-cookie';
import { checkPassword, PASSWORD_MESSAGES } from './password-policy';
import { hashPassword } from './passwords';
import { endOtherCredentials } from './credentials';
import { createSession, timeoutsFromConfig } from './sessions.queries';
import { findLiveToken, personalInputs, setPassword, type TokenKind, useToken } from './invitations.queries';

const invalidToken = () => new HttpError(400, 'invalid_token',
  'Deze link werkt niet meer. Vraag een nieuwe aan. / This link is no longer valid. Please ask for a new one.',
  [{ field: 'token', message: 'Unknown, used or expired token' }]);

function weakPassword(reasons: readonly string[]): HttpError {
  const text = (lang: 'nl' | 'en') => reasons.map((r) => PASSWORD_MESSAGES[lang][r as keyof typeof PASSWORD_MESSAGES.nl]).join(' ');
  return new HttpError(400, 'bad_request', `Kies een ander wachtwoord. ${text('nl')} / Choose another password. ${text('en')}`,
    [{ field: 'password', message: 'Password does not meet the policy', reasons: [...reasons] }]);
}

const AUDIT_ACTION: Record<TokenKind, string> = { invite: 'invite_accept', reset: 'password_reset' };

interface RedeemInput { kind: TokenKind; token: string; password: string }

/**
 * Sets the password behind a live token, and ends every session and every other outstanding
 * link of the account (a reset link asked for earlier must not set a password again, an
 * invitation link must not sign in past a reset). Invitation: then signs the person in (new
 * session and cookie). Reset: does not sign in, so a second factor is still asked at the
 * next sign-in.
 */
export async function redeemToken(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, input: RedeemInput) {
  const db = app.database.db;
  const now = app.clock();
  const live = await findLiveToken(db, input.token, input.kind, now);
  if (!live) throw invalidToken();
  const policy = await checkPassword(input.password, await personalInputs(db, live));
  if (!policy.ok) throw weakPassword(policy.reasons);
  const passwordHash = await hashPassword(input.password);

  await db.transaction().execute(async (trx) => {
    if (!(await useToken(trx, live.tokenId, now))) throw invalidToken();
    await setPassword(trx, live.accountId, passwordHash, now);
    const ended = await endOtherCredentials(trx, live.accountId, { now });
    await writeAudit(trx, {
      actorAccountId: live.accountId, action: AUDIT_ACTION[input.kind], entityType: 'account', entityId: live.accountId,
      meta: { sessions_revoked: ended.sessions, links_retired: ended.links },
    });
  });

  if (input.kind === 'invite') {
    const session = await createSession(db, live.accountId, {
      now, userAgent: request.headers['user-agent'] ?? null, timeouts: timeoutsFromConfig(app.config),
    });
    setSessionCookie(request, reply, session.token, session.expiresAt);
  }
  return { id: live.accountId, email: live.email, role: live.role };
}
