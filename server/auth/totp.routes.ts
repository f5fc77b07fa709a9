// Setting up the second factor: setup (secret + otpauth:// URI, shown once, not yet
// active), confirm with a first code (now active), remove with a current code. Confirming
// proves a code, so the confirming session counts as second-factor verified; every other
// session and outstanding link of the account ends (they never proved one).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.queries';
import { HttpError } from '../http/errors';
import { SENSITIVE_LIMIT } from '../http/rate-limit';
import { ErrorBody } from '../http/schemas';
import { endOtherCredentials } from './credentials';
import { requireRole, signedIn } from './auth.guards';
import { forgetSecondFactor, markSecondFactor } from './sessions.queries';
import { disableTotp, enableTotp, storePendingSecret, totpState } from './totp.queries';
import { codeMatches, newTotpSecret, totpFor } from './totp.verify';

const CodeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Six digits / Zes cijfers') }).strict();
const Setup = z.object({ uri: z.string(), secret: z.string() });
const State = z.object({ totp_enabled: z.boolean() });

/** Six digits are a million guesses: a signed-in session must not get to try them all. */
const TOTP_CODE_LIMIT = { ...SENSITIVE_LIMIT, max: 10, timeWindow: 5 * 60_000, groupId: 'totp-ip' };

const conflict = (code: string, message: string) => new HttpError(409, code, message);
const wrongCode = () => new HttpError(400, 'totp_invalid', 'Deze code klopt niet. / This code is not right.', [{ field: 'code', message: 'Wrong or expired code' }]);

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const guard = requireRole('editor');

  app.post('/api/auth/totp/setup', {
    schema: { tags: ['auth'], summary: 'Start TOTP setup: a new secret and its otpauth:// URI (active after confirm)', response: { 200: Setup, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody } },
    preHandler: guard,
  }, async (request) => {
    const { accountId } = signedIn(request);
    const state = await totpState(db, accountId);
    if (!state) throw new HttpError(401, 'not_signed_in', 'Log eerst in. / Please sign in first.');
    if (state.totp_enabled_at) throw conflict('totp_already_enabled', 'Tweestapsverificatie staat al aan. / Two-step verification is already on.');
    const secret = newTotpSecret();
    await storePendingSecret(db, accountId, secret, app.clock());
    await writeAudit(db, { actorAccountId: accountId, action: 'totp_setup', entityType: 'account', entityId: accountId });
    // The only response that ever carries the secret: the app shows it as a QR code once.
    return { uri: totpFor(state.email, secret).toString(), secret };
  });

  app.post('/api/auth/totp/confirm', {
    schema: { tags: ['auth'], summary: 'Activate TOTP with a first code from the app; ends the other sessions and outstanding links', body: CodeBody, response: { 200: State, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody } },
    preHandler: guard,
    config: { rateLimit: TOTP_CODE_LIMIT },
  }, async (request) => {
    const { accountId } = signedIn(request);
    const state = await totpState(db, accountId);
    if (!state?.totp_secret || state.totp_enabled_at) throw conflict('totp_not_pending', 'Start eerst de instelling. / Start the setup first.');
    const now = app.clock();
    if (!codeMatches(state.totp_secret, request.body.code, now)) throw wrongCode();
    await db.transaction().execute(async (trx) => {
      await enableTotp(trx, accountId, now);
      const ended = await endOtherCredentials(trx, accountId, { keepSessionId: request.sessionId, now });
      if (request.sessionId) await markSecondFactor(trx, request.sessionId, now);
      await writeAudit(trx, { actorAccountId: accountId, action: 'totp_enable', entityType: 'account', entityId: accountId,
        meta: { other_sessions_revoked: ended.sessions, links_retired: ended.links } });
    });
    return { totp_enabled: true };
  });

  app.delete('/api/auth/totp', {
    schema: { tags: ['auth'], summary: 'Turn TOTP off (needs a current code)', body: CodeBody, response: { 200: State, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody } },
    preHandler: guard,
    config: { rateLimit: TOTP_CODE_LIMIT },
  }, async (request) => {
    const { accountId } = signedIn(request);
    const state = await totpState(db, accountId);
    if (!state?.totp_secret || !state.totp_enabled_at) throw conflict('totp_not_enabled', 'Tweestapsverificatie staat niet aan. / Two-step verification is not on.');
    const now = app.clock();
    if (!codeMatches(state.totp_secret, request.body.code, now)) throw wrongCode();
    await db.transaction().execute(async (trx) => {
      await disableTotp(trx, accountId, now);
      await forgetSecondFactor(trx, accountId);
      await writeAudit(trx, { actorAccountId: accountId, action: 'totp_disable', entityType: 'account', entityId: accountId });
    });
    return { totp_enabled: false };
  });
};

export default routes;
