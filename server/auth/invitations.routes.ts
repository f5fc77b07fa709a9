// Invitations: an editor or admin invites someone by email; the invited person follows the
// mailed link, chooses a password and is signed in. Answers never reveal whether an address
// already had an account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.queries';
import type { DB } from '../db/types';
import { HttpError } from '../http/errors';
import { may, ownersOf, personOwner } from '../domain/permissions';
import { limitPerEmail, SENSITIVE_LIMIT } from '../http/rate-limit';
import { ErrorBody } from '../http/schemas';
import { inviteMail } from '../mail/templates';
import { findAccountByEmail, findAccountById, replaceScopes, type Scope } from './auth.queries';
import { forbidden, requireRole, signedIn, type SignedIn } from './auth.guards';
import {
  createInvitedAccount, existingScopeTargets, issueToken, personExists,
} from './invitations.queries';
import { Accepted, InviteBody, SignedInBody, TokenPasswordBody } from './invitations.schemas';
import { redeemToken } from './invitations.redeem';

/** An editor invites a whole team at once: the shared 5-per-15-minutes limit would stop them
 *  at the sixth colleague. Per inviter's IP, generous; per address, the shared one. */
const INVITE_LIMIT = { ...SENSITIVE_LIMIT, max: 60, timeWindow: 60 * 60_000, groupId: 'invite-ip' };

export const INVITE_ACCEPTED = 'Als dit adres nog geen account had, is er nu een uitnodiging verstuurd. / If this address had no account yet, an invitation has been sent.';

const toScopes = (body: InviteBody): Scope[] => (body.scopes ?? []).map((s) =>
  'team_id' in s ? { organisation_id: null, team_id: s.team_id } : { organisation_id: s.organisation_id, team_id: null });

/** 400/403 unless `inviter` may create this account with these scopes and this person. */
async function checkInvite(db: Kysely<DB>, inviter: SignedIn, body: InviteBody, scopes: Scope[]): Promise<void> {
  if (scopes.length > 0 && body.role !== 'editor') {
    throw new HttpError(400, 'bad_request', 'Alleen redacteuren hebben een bereik. / Only editors have scopes.', [{ field: 'scopes', message: 'Only for role editor' }]);
  }
  const orgIds = scopes.flatMap((s) => (s.organisation_id ? [s.organisation_id] : []));
  const teamIds = scopes.flatMap((s) => (s.team_id ? [s.team_id] : []));
  const found = await existingScopeTargets(db, orgIds, teamIds);
  if (found.organisationIds.length !== new Set(orgIds).size || found.teamIds.length !== new Set(teamIds).size) {
    throw new HttpError(400, 'bad_request', 'Onbekende organisatie of team. / Unknown organisation or team.', [{ field: 'scopes', message: 'Unknown organisation or team' }]);
  }
  if (body.person_id && !(await personExists(db, body.person_id))) {
    throw new HttpError(400, 'bad_request', 'Deze persoon bestaat niet. / No such person.', [{ field: 'person_id', message: 'Unknown person' }]);
  }
  // Editors: professionals, or editors inside their own scope; never an admin.
  if (body.role === 'admin' && inviter.kind !== 'admin') throw forbidden('Alleen een beheerder kan een beheerder uitnodigen. / Only an admin can invite an admin.');
  if (body.role === 'analist' && inviter.kind !== 'admin') throw forbidden('Alleen een beheerder kan een analist uitnodigen. / Only an admin can invite an analist.');
  if (body.role === 'editor' && inviter.kind !== 'admin') {
    const [orgs, teams] = await Promise.all([ownersOf(db, 'organisation', orgIds), ownersOf(db, 'team', teamIds)]);
    const inside = scopes.length > 0 && [...orgs.values(), ...teams.values()].every((owner) => may(inviter, 'edit', owner));
    if (!inside) throw forbidden('Dit bereik valt buiten uw eigen bereik. / This scope is outside your own.');
  }
  // The linked person decides which teams' 'team'-only details the account sees: only their
  // employer (its editors, or an admin) may link an account to them.
  if (body.person_id) {
    const owner = await personOwner(db, body.person_id);
    if (!owner || !may(inviter, 'invite', owner)) {
      throw forbidden('Alleen de werkgever van deze persoon kan een account voor hen uitnodigen. / Only this person\'s employer may invite an account for them.');
    }
  }
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post('/api/auth/invitations', {
    schema: {
      tags: ['auth'], summary: 'Invite someone by email (editors: professionals and editors within their scope)',
      body: InviteBody, response: { 202: Accepted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
    },
    preHandler: requireRole('editor'),
    config: { rateLimit: INVITE_LIMIT },
  }, async (request, reply) => {
    const inviter = signedIn(request);
    const body = request.body;
    await limitPerEmail(app, reply, 'invite', body.email);
    const scopes = toScopes(body);
    await checkInvite(db, inviter, body, scopes);
    const now = app.clock();
    const outcome = await db.transaction().execute(async (trx) => {
      const existing = await findAccountByEmail(trx, body.email);
      // An existing account keeps its role and scopes: an invitation never changes rights.
      // A still-invited one (no password) gets a fresh link; an active one gets nothing.
      if (existing && (existing.password_hash !== null || existing.deactivated_at !== null)) {
        await writeAudit(trx, { actorAccountId: inviter.accountId, action: 'invite', entityType: 'account', entityId: existing.id, meta: { existing: true } });
        return null;
      }
      const accountId = existing?.id ?? await createInvitedAccount(trx, { email: body.email, role: body.role, personId: body.person_id ?? null, now });
      if (!accountId) return null;
      if (!existing) await replaceScopes(trx, accountId, scopes);
      const token = await issueToken(trx, { accountId, kind: 'invite', createdBy: inviter.accountId, now });
      await writeAudit(trx, {
        actorAccountId: inviter.accountId, action: 'invite', entityType: 'account', entityId: accountId,
        after: existing ? undefined : { email: body.email, role: body.role, person_id: body.person_id ?? null, scopes },
        meta: { existing: !!existing },
      });
      return { email: existing?.email ?? body.email, token };
    });
    if (outcome) {
      const link = `${app.config.APP_URL.replace(/\/$/, '')}/welkom?token=${outcome.token}`;
      // Naming the inviter lets the invitee check the mail is expected (and not phishing).
      const by = await findAccountById(db, inviter.accountId);
      app.mailer.deliver(outcome.email, inviteMail(link, by?.email ?? null));
    }
    return reply.status(202).send({ message: INVITE_ACCEPTED });
  });

  app.post('/api/auth/invitations/accept', {
    schema: {
      tags: ['auth'], summary: 'Choose a first password with the token from the invitation and sign in',
      body: TokenPasswordBody, response: { 200: SignedInBody, 400: ErrorBody, 429: ErrorBody },
    },
    config: { rateLimit: SENSITIVE_LIMIT },
  }, async (request, reply) => {
    const account = await redeemToken(app, request, reply, { kind: 'invite', ...request.body });
    return { account };
  });
};

export default routes;
