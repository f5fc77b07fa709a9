// Admin: accounts (role, scopes, linked person, deactivation) and the audit log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit, writeAudit } from '../audit/audit.queries';
import { requireRole, signedIn } from '../auth/auth.guards';
import { revokeAllSessions } from '../auth/sessions.queries';
import { HttpError, notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { accountState, applyAccountChange, listAccounts, unknownScopeTargets, type AccountState } from './admin.queries';
import { RevokedCount } from '../auth/auth.schemas';
import { AccountItem, AccountList, AccountListQuery, AccountPatch, AuditList, AuditQuery } from './admin.schemas';

const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const admin = requireRole('admin');

  app.get('/api/admin/accounts', {
    schema: { tags: ['admin'], summary: 'Accounts, paged (admins)', querystring: AccountListQuery, response: { 200: AccountList, ...errorResponses(400, 401, 403) } },
    preHandler: admin,
  }, async (request) => listAccounts(db, request.query));

  app.patch('/api/admin/accounts/:id', {
    schema: { tags: ['admin'], summary: 'Change role, scopes, linked person or deactivate (ends its sessions)', params: IdParams, body: AccountPatch,
      response: { 200: AccountItem, ...errorResponses(400, 401, 403, 404, 412, 415) } },
    preHandler: admin,
  }, async (request) => {
    const actor = signedIn(request);
    const id = request.params.id;
    const body = request.body;
    if (id === actor.accountId && ((body.role && body.role !== 'admin') || body.deactivated)) {
      throw new HttpError(400, 'own_account', 'U kunt uw eigen beheerrechten niet intrekken. / You cannot demote or deactivate yourself.', [{ field: body.deactivated ? 'deactivated' : 'role', message: 'own account' }]);
    }
    const now = app.clock();
    await db.transaction().execute(async (trx) => {
      const before = await accountState(trx, id);
      if (!before) throw notFound('account', id);
      const ifMatch = request.headers['if-match'];
      if (ifMatch && ifMatch.replaceAll('"', '') !== String(before.version)) {
        throw new HttpError(412, 'precondition_failed', 'Dit account is intussen gewijzigd. / The account changed meanwhile.', [{ field: 'if-match', message: `current version ${before.version}` }]);
      }
      const scopes = body.scopes?.map((s) => ({ organisation_id: 'organisation_id' in s ? s.organisation_id : null, team_id: 'team_id' in s ? s.team_id : null }));
      if (scopes) {
        const missing = await unknownScopeTargets(trx, scopes);
        if (missing.length) throw new HttpError(400, 'bad_request', `Onbekende organisatie of team: ${missing.join(', ')}.`, [{ field: 'scopes', message: `unknown ids: ${missing.join(', ')}` }]);
      }
      if (body.person_id) {
        const person = await trx.selectFrom('people').select('id').where('id', '=', body.person_id).executeTakeFirst();
        if (!person) throw new HttpError(400, 'bad_request', 'Onbekende persoon.', [{ field: 'person_id', message: 'unknown person' }]);
      }
      const { version: _v, ...old } = before;
      const next: AccountState = {
        role: body.role ?? old.role, person_id: body.person_id === undefined ? old.person_id : body.person_id,
        scopes: scopes ?? old.scopes, deactivated: body.deactivated ?? old.deactivated,
      };
      if (next.role !== 'editor') next.scopes = [];
      await applyAccountChange(trx, id, next, now);
      if (next.role !== old.role || JSON.stringify(next.scopes) !== JSON.stringify(old.scopes) || next.person_id !== old.person_id) {
        await writeAudit(trx, { actorAccountId: actor.accountId, action: 'role_change', entityType: 'account', entityId: id,
          before: { role: old.role, scopes: old.scopes, person_id: old.person_id }, after: { role: next.role, scopes: next.scopes, person_id: next.person_id } });
      }
      if (next.deactivated !== old.deactivated) {
        const revoked = next.deactivated ? await revokeAllSessions(trx, id, undefined, now) : 0;
        await writeAudit(trx, { actorAccountId: actor.accountId, action: next.deactivated ? 'account_deactivate' : 'account_reactivate',
          entityType: 'account', entityId: id, before: { deactivated: old.deactivated }, after: { deactivated: next.deactivated }, meta: { sessions_revoked: revoked } });
      }
    });
    const list = await db.selectFrom('accounts').select('email').where('id', '=', id).executeTakeFirstOrThrow();
    const { items } = await listAccounts(db, { page: 1, per_page: 100, q: list.email });
    return items.find((a) => a.id === id)!;
  });

  app.post('/api/admin/accounts/:id/revoke-sessions', {
    schema: { tags: ['admin'], summary: 'Sign an account out everywhere (admins)', params: IdParams, response: { 200: RevokedCount, ...errorResponses(400, 401, 403, 404) } },
    preHandler: admin,
  }, async (request) => {
    const actor = signedIn(request);
    const id = request.params.id;
    return db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('account', id);
      const revoked = await revokeAllSessions(trx, id, undefined, app.clock());
      await writeAudit(trx, { actorAccountId: actor.accountId, action: 'sessions_revoke_by_admin', entityType: 'account', entityId: id, meta: { revoked } });
      return { revoked };
    });
  });

  app.get('/api/admin/audit', {
    schema: { tags: ['admin'], summary: 'The audit log, newest first, paged (admins)', querystring: AuditQuery, response: { 200: AuditList, ...errorResponses(400, 401, 403) } },
    preHandler: admin,
  }, async (request) => {
    const { page, per_page, action, actor, account, person, from, to } = request.query;
    const { items, total } = await listAudit(db, { page, perPage: per_page, actions: action?.split(','), actorAccountId: actor, accountId: account, personId: person, from, to });
    return { items, total, page, per_page };
  });
};

export default adminRoutes;
