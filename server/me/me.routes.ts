// Mijn gegevens (AVG): a signed-in account sees, downloads, changes and deletes what is
// stored about it. Everything acts on the caller's own account and person only: no route
// here takes someone else's id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn, signedIn, type SignedIn } from '../auth/auth.guards';
import { HttpError } from '../http/errors';
import { errorResponses } from '../http/schemas';
import { clearSessionCookie } from '../http/session-cookie';
import { removeMyMobile, setMyConsent, setMyPublicProfile } from './me.consents';
import { deleteMe } from './me.delete';
import { collectMyData } from './me.queries';
import { ConsentParams, ConsentState, DataQuery, DeleteMeBody, MyData, PublicProfileBody } from './me.schemas';

const noPerson = () => new HttpError(409, 'no_person',
  'Aan uw account is geen persoon in de sociale kaart gekoppeld. / Your account has no person record.', []);

function ownPerson(audience: SignedIn): string {
  if (!audience.personId) throw noPerson();
  return audience.personId;
}

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const ctxOf = (a: SignedIn) => ({ actorAccountId: a.accountId });

  app.get('/api/me/data', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['auth'], summary: 'Everything stored about me: account, person, memberships, consents, sessions, audit entries (AVG)',
      querystring: DataQuery, response: { 200: MyData, ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const data = await collectMyData(db, signedIn(request), request.sessionId);
    if (request.query.download === '1') reply.header('content-disposition', 'attachment; filename="mijn-gegevens.json"');
    return reply.header('cache-control', 'private, no-store').send(data);
  });

  for (const on of [true, false]) {
    const route = on ? app.put.bind(app) : app.delete.bind(app);
    route('/api/me/consents/:field', {
      preHandler: requireSignedIn,
      schema: {
        tags: ['auth'], summary: on ? 'Give a consent (residents may see a field; photo_internal: colleagues may see my photo)' : 'Withdraw a consent, effective on the next request',
        params: ConsentParams, response: { 200: ConsentState, ...errorResponses(400, 401, 409) },
      },
    }, async (request) => {
      const audience = signedIn(request);
      return setMyConsent(db, ctxOf(audience), ownPerson(audience), request.params.field, on);
    });
  }

  app.put('/api/me/public-profile', {
    preHandler: requireSignedIn,
    schema: { tags: ['auth'], summary: 'Show or hide my profile for residents', body: PublicProfileBody, response: { 200: ConsentState, ...errorResponses(400, 401, 409) } },
  }, async (request) => {
    const audience = signedIn(request);
    return setMyPublicProfile(db, ctxOf(audience), ownPerson(audience), request.body.public);
  });

  app.delete('/api/me/mobile', {
    preHandler: requireSignedIn,
    schema: { tags: ['auth'], summary: 'Remove my 06 number (withdraws it from everyone at once)', response: { 204: z.null(), ...errorResponses(401, 409) } },
  }, async (request, reply) => {
    const audience = signedIn(request);
    await removeMyMobile(db, ctxOf(audience), ownPerson(audience));
    return reply.code(204).send(null);
  });

  app.delete('/api/me', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['auth'], summary: 'Delete my account and my person record (type your e-mail address to confirm)',
      body: DeleteMeBody, response: { 204: z.null(), ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const audience = signedIn(request);
    const account = await db.selectFrom('accounts').select('email').where('id', '=', audience.accountId).executeTakeFirstOrThrow();
    if (request.body.confirm.trim().toLowerCase() !== account.email.toLowerCase()) {
      throw new HttpError(400, 'confirm_mismatch', 'Typ uw eigen e-mailadres om te bevestigen. / Type your own e-mail address to confirm.',
        [{ field: 'confirm', in: 'body', message: 'Must be your own e-mail address' }]);
    }
    await deleteMe(db, audience.accountId, audience.personId);
    clearSessionCookie(request, reply);
    return reply.code(204).send(null);
  });
};

export default meRoutes;
