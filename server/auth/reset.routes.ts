// Password reset: ask for a link by email (always the same answer, in about the same time,
// whether or not the address has an account), then choose a new password with it. A reset
// ends every session of the account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../audit/audit.queries';
import { limitPerEmail, SENSITIVE_LIMIT } from '../http/rate-limit';
import { ErrorBody } from '../http/schemas';
import { resetMail } from '../mail/templates';
import { findAccountByEmail } from './auth.queries';
import { decoyTokenWork, issueToken } from './invitations.queries';
import { redeemToken } from './invitations.redeem';
import { Accepted, ResetBody, TokenPasswordBody } from './invitations.schemas';

export const RESET_ACCEPTED = 'Als dit adres bij ons bekend is, krijgt u binnen enkele minuten een e-mail met een link. / If this address is known to us, you will receive an email with a link within a few minutes.';
const RESET_DONE = 'Uw wachtwoord is gewijzigd. U bent overal uitgelogd; log opnieuw in. / Your password has been changed and you have been signed out everywhere; please sign in again.';

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post('/api/auth/reset', {
    schema: {
      tags: ['auth'], summary: 'Mail a one-time link (valid 1 hour) to choose a new password',
      body: ResetBody, response: { 202: Accepted, 400: ErrorBody, 429: ErrorBody },
    },
    config: { rateLimit: SENSITIVE_LIMIT },
  }, async (request, reply) => {
    // Counted for every address, known or not, so the limit itself reveals nothing.
    await limitPerEmail(app, reply, 'reset', request.body.email);
    const now = app.clock();
    const account = await findAccountByEmail(db, request.body.email);
    const known = account && account.deactivated_at === null ? account : null;
    // Both branches run one transaction of the same statements; the mail goes out in the
    // background. The audit row of an unknown address keeps no trace of the address.
    const token = await db.transaction().execute(async (trx) => {
      const issued = known ? await issueToken(trx, { accountId: known.id, kind: 'reset', createdBy: null, now }) : null;
      if (!known) await decoyTokenWork(trx, 'reset', now);
      await writeAudit(trx, {
        actorAccountId: null, action: 'password_reset_request', entityType: 'account', entityId: known?.id ?? null,
        meta: { known: !!known },
      });
      return issued;
    });
    if (known && token) {
      app.mailer.deliver(known.email, resetMail(`${app.config.APP_URL.replace(/\/$/, '')}/wachtwoord?token=${token}`));
    }
    return reply.status(202).send({ message: RESET_ACCEPTED });
  });

  app.post('/api/auth/reset/confirm', {
    schema: {
      tags: ['auth'], summary: 'Choose a new password with the token from the reset mail; ends all sessions',
      body: TokenPasswordBody, response: { 200: Accepted, 400: ErrorBody, 429: ErrorBody },
    },
    config: { rateLimit: SENSITIVE_LIMIT },
  }, async (request, reply) => {
    await redeemToken(app, request, reply, { kind: 'reset', ...request.body });
    return { message: RESET_DONE };
  });
};

export default routes;
