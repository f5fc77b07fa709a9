// Sign-in, sign-out, who am I, and changing one's own password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.queries';
import { HttpError } from '../http/errors';
import { checkLoginAllowed, LOGIN_IP_LIMIT, recordLoginFailure } from '../http/rate-limit';
import { errorResponses } from '../http/schemas';
import { clearSessionCookie, sessionToken } from '../http/session-cookie';
import { accountScopes, findAccountById, loadAudience } from './auth.queries';
import { login } from './auth.login';
import { ChangePasswordBody, LoginBody, Me, PasswordChanged } from './auth.schemas';
import { requireSignedIn, signedIn } from './auth.guards';
import { checkPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { endOtherCredentials } from './credentials';
import { setPassword } from './invitations.queries';
import { revokeSession } from './sessions.queries';
import { mfaStep } from './totp.verify';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  async function me(accountId: string, sessionId: string, teamIds: readonly string[]) {
    const account = await findAccountById(db, accountId);
    const session = await db.selectFrom('sessions').select(['expires_at', 'second_factor_at']).where('id', '=', sessionId).executeTakeFirstOrThrow();
    if (!account) throw new HttpError(401, 'not_signed_in', 'Log eerst in. / Please sign in first.');
    const secondFactor = session.second_factor_at !== null;
    const step = mfaStep(app.config, { role: account.role, totpEnabled: account.totp_enabled_at !== null, secondFactor });
    return {
      id: account.id, email: account.email, role: account.role, person_id: account.person_id,
      scopes: await accountScopes(db, account.id), team_ids: [...teamIds],
      totp_enabled: account.totp_enabled_at !== null,
      mfa_required: step !== null,
      mfa_step: step,
      session: { id: sessionId, expires_at: session.expires_at, second_factor: secondFactor },
    };
  }

  app.post('/api/auth/login', {
    config: { rateLimit: LOGIN_IP_LIMIT },
    schema: { tags: ['auth'], summary: 'Sign in: sets the session cookie (a new session every time)', body: LoginBody,
      response: { 200: Me, ...errorResponses(400, 401, 415, 429) } },
  }, async (request, reply) => {
    const { accountId, sessionId } = await login(app, request, reply, request.body);
    const account = await findAccountById(db, accountId);
    const audience = await loadAudience(db, { accountId, role: account!.role, personId: account!.person_id });
    return me(accountId, sessionId, audience.kind === 'anonymous' ? [] : audience.teamIds);
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null(), ...errorResponses(403) } },
  }, async (request, reply) => {
    if (request.audience.kind !== 'anonymous' && request.sessionId) {
      const { accountId } = request.audience;
      const sessionId = request.sessionId;
      await db.transaction().execute(async (trx) => {
        await revokeSession(trx, sessionId, app.clock());
        await writeAudit(trx, { actorAccountId: accountId, action: 'logout', entityType: 'session', entityId: sessionId });
      });
    }
    if (sessionToken(request) !== undefined) clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in account (401 when not signed in)', response: { 200: Me, ...errorResponses(401) } },
    preHandler: requireSignedIn,
  }, async (request) => {
    const audience = signedIn(request);
    return me(audience.accountId, request.sessionId!, audience.teamIds);
  });

  app.post('/api/auth/password', {
    config: { rateLimit: LOGIN_IP_LIMIT },
    schema: { tags: ['auth'], summary: 'Change the own password; ends the other sessions and every outstanding reset or invitation link', body: ChangePasswordBody,
      response: { 200: PasswordChanged, ...errorResponses(400, 401, 403, 415, 429) } },
    preHandler: requireSignedIn,
  }, async (request, reply) => {
    const audience = signedIn(request);
    const account = (await findAccountById(db, audience.accountId))!;
    await checkLoginAllowed(app, reply, account.email.toLowerCase(), request.ip);
    if (!account.password_hash || !(await verifyPassword(account.password_hash, request.body.current_password))) {
      await recordLoginFailure(app, account.email.toLowerCase(), request.ip);
      throw new HttpError(400, 'wrong_password', 'Uw huidige wachtwoord klopt niet. / Your current password is incorrect.',
        [{ field: 'current_password', message: 'incorrect' }]);
    }
    const person = account.person_id
      ? await db.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', account.person_id).executeTakeFirst()
      : undefined;
    const policy = await checkPassword(request.body.new_password, [account.email, person?.given_name ?? '', person?.family_name ?? '']);
    if (!policy.ok) {
      throw new HttpError(400, 'weak_password', 'Kies een sterker wachtwoord. / Choose a stronger password.',
        policy.reasons.map((reason) => ({ field: 'new_password', message: reason, reason, score: policy.score })));
    }
    const passwordHash = await hashPassword(request.body.new_password);
    const now = app.clock();
    const revoked = await db.transaction().execute(async (trx) => {
      await setPassword(trx, account.id, passwordHash, now);
      const ended = await endOtherCredentials(trx, account.id, { keepSessionId: request.sessionId, now });
      await writeAudit(trx, { actorAccountId: account.id, action: 'password_change', entityType: 'account', entityId: account.id,
        meta: { other_sessions_revoked: ended.sessions, links_retired: ended.links } });
      return ended.sessions;
    });
    return { password_changed_at: now.toISOString(), other_sessions_revoked: revoked };
  });
};

export default authRoutes;
