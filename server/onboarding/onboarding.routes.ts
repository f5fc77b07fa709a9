// Kennismaken over HTTP, for signed-in accounts only: the pack, the caller's own "met"
// marks (never readable by anyone else) and the wijk the caller chose.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { origin, sendCard, VCARD } from '../vcard/vcard.reply';
import { packVcard } from '../vcard/vcard.queries';
import { z } from 'zod';
import { requireSignedIn, signedIn } from '../auth/auth.guards';
import { HttpError, notFound } from '../http/errors';
import { errorResponses } from '../http/schemas';
import { presentPeople } from '../people/people.present';
import { findArea, resolveArea, setHomeArea } from './area.queries';
import { buildPack } from './kennismaken.queries';
import { markMet, unmarkMet } from './met.queries';
import { HomeArea, HomeAreaBody, KennismakenQuery, Pack, PersonParams } from './onboarding.schemas';

const unknownArea = (code: string) =>
  new HttpError(404, 'not_found', `Gebied ${code} bestaat niet.`, [{ field: 'area', message: `No area with code ${code}` }]);

const onboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  /** The caller's pack for the wijk asked for (or chosen, or served by their teams). */
  const packFor = async (request: FastifyRequest<{ Querystring: { area?: string } }>) => {
    const audience = signedIn(request);
    const resolved = await resolveArea(db, audience.accountId, audience.teamIds, request.query.area);
    if (resolved === undefined) throw unknownArea(request.query.area!);
    return buildPack(db, audience, resolved);
  };

  app.get('/api/me/kennismaken', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'Kennismaken: the teams of your wijk to meet, most relevant for your team type first (signed in)', querystring: KennismakenQuery, response: { 200: Pack, ...errorResponses(400, 401, 404) } },
  }, async (request) => packFor(request));

  // Take it along: the whole pack into the phone in one tap, fields as the caller may see them.
  app.get('/api/me/kennismaken/vcard', {
    preHandler: requireSignedIn,
    schema: { tags: ['exchange'], summary: 'The kennismaken pack as vCards 4.0 (signed in)', querystring: KennismakenQuery, response: { ...VCARD, ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const pack = await packFor(request);
    const text = await packVcard(db, pack.teams, origin(request));
    return sendCard(reply, { name: `Kennismaken ${pack.area?.name ?? ''}`.trim(), text });
  });

  // A mark on someone the caller cannot see would reveal that they exist: same 404 as unknown.
  const visiblePerson = async (audience: ReturnType<typeof signedIn>, id: string) => {
    if (!(await presentPeople(db, audience, [id], { recordViews: false })).has(id)) throw notFound('persoon', id);
  };

  app.put('/api/me/met/:person_id', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'Mark a person as met (private to you)', params: PersonParams, response: { 204: z.null(), ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const audience = signedIn(request);
    await visiblePerson(audience, request.params.person_id);
    await markMet(db, audience.accountId, request.params.person_id);
    return reply.status(204).send(null);
  });

  app.delete('/api/me/met/:person_id', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'Unmark a person as met', params: PersonParams, response: { 204: z.null(), ...errorResponses(400, 401) } },
  }, async (request, reply) => {
    await unmarkMet(db, signedIn(request).accountId, request.params.person_id);
    return reply.status(204).send(null);
  });

  app.get('/api/me/home-area', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'The wijk you chose for Kennismaken (null: none chosen)', response: { 200: HomeArea, ...errorResponses(401) } },
  }, async (request) => {
    const row = await db.selectFrom('accounts').select('home_area').where('id', '=', signedIn(request).accountId).executeTakeFirst();
    return { area: row?.home_area ? (await findArea(db, row.home_area)) ?? null : null };
  });

  app.put('/api/me/home-area', {
    preHandler: requireSignedIn,
    schema: { tags: ['directory'], summary: 'Choose your wijk for Kennismaken', body: HomeAreaBody, response: { 200: HomeArea, ...errorResponses(400, 401, 404) } },
  }, async (request) => {
    const area = await findArea(db, request.body.area);
    if (!area) throw unknownArea(request.body.area);
    await setHomeArea(db, signedIn(request).accountId, area.code);
    return { area };
  });
};

export default onboardingRoutes;
