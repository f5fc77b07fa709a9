// The own sessions: where am I signed in, end one, end all ("sign out everywhere").
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.queries';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { clearSessionCookie } from '../http/session-cookie';
import { RevokedCount, SessionList } from './auth.schemas';
import { requireSignedIn, signedIn } from './auth.guards';
import { listSessions, revokeAllSessions, revokeSession, timeoutsFromConfig } from './sessions.queries';

const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const timeouts = timeoutsFromConfig(app.config);

  app.get('/api/auth/sessions', {
    schema: { tags: ['auth'], summary: 'The own live sessions, newest first', response: { 200: SessionList, ...errorResponses(401) } },
    preHandler: requireSignedIn,
  }, async (request) => {
    const rows = await listSessions(db, signedIn(request).accountId, app.clock(), timeouts);
    return { items: rows.map((r) => ({ ...r, current: r.id === request.sessionId })) };
  });

  app.delete('/api/auth/sessions/:id', {
    schema: { tags: ['auth'], summary: 'End one of the own sessions', params: IdParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    preHandler: requireSignedIn,
  }, async (request, reply) => {
    const { accountId } = signedIn(request);
    const id = request.params.id;
    const ended = await db.transaction().execute(async (trx) => {
      const ok = await revokeSession(trx, id, app.clock(), accountId);
      if (ok) await writeAudit(trx, { actorAccountId: accountId, action: 'session_revoke', entityType: 'session', entityId: id });
      return ok;
    });
    if (!ended) throw notFound('sessie', id);
    if (id === request.sessionId) clearSessionCookie(request, reply);
    return reply.status(204).send(null);
  });

  app.post('/api/auth/sessions/revoke-all', {
    schema: { tags: ['auth'], summary: 'Sign out everywhere, this session included', response: { 200: RevokedCount, ...errorResponses(401, 403) } },
    preHandler: requireSignedIn,
  }, async (request, reply) => {
    const { accountId } = signedIn(request);
    const revoked = await db.transaction().execute(async (trx) => {
      const n = await revokeAllSessions(trx, accountId, undefined, app.clock());
      await writeAudit(trx, { actorAccountId: accountId, action: 'logout_all', entityType: 'account', entityId: accountId, meta: { revoked: n } });
      return n;
    });
    clearSessionCookie(request, reply);
    return { revoked };
  });
};

export default sessionsRoutes;
