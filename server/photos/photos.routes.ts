// Portraits: upload (the person themself, or their employer's editors and admins, and only
// with photo consent: server/domain/permissions.ts), removal, and serving the bytes by content hash. Serving
// asks presentPeople whether this audience sees this person's photo_url right now, so a
// withdrawn consent also closes the image itself at once.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../auth/auth.guards';
import { may, type PersonOwner } from '../domain/permissions';
import { authorise } from '../http/authorise';
import { HttpError, notFound } from '../http/errors';
import { errorResponses, mediaResponse } from '../http/schemas';
import { presentPeople } from '../people/people.present';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, photoUrlOf, processPhoto } from './photos.image';
import { photoBytes, photoOwners, photoSubject, removePhoto, savePhoto } from './photos.queries';
import { PhotoFileParams, PhotoParams, PhotoSaved, PhotoUploadQuery } from './photos.schemas';

/**
 * A portrait's address is its content hash, so the bytes never change; but who may see
 * them does: withdrawing consent must also reach copies in shared caches (a proxy, a
 * resident's phone) soon. So no year and no `immutable`: at most a day, then the ETag
 * revalidates cheaply (304) or the 404 of a withdrawn consent arrives.
 */
const PHOTO_MAX_AGE = 86_400;
// Re-encoding costs CPU: a generous limit per account stops a script, never a person.
const UPLOAD_LIMIT = {
  max: 30, timeWindow: 15 * 60_000, groupId: 'photo-upload',
  keyGenerator: (request: FastifyRequest) => (request.audience.kind === 'anonymous' ? request.ip : request.audience.accountId),
};

const consentRequired = () => new HttpError(409, 'consent_required',
  'Er is geen toestemming voor een foto. De persoon zelf geeft die bij Mijn gegevens (of uploadt zelf met het vinkje "collega\'s mogen mijn foto zien"). '
  + '/ There is no consent for a photo. The person gives it under Mijn gegevens (or uploads their own photo with ?consent=1).',
  [{ field: 'photo_consent', message: 'PUT /api/me/consents/photo_internal or POST with ?consent=1 by the person themself' }]);

const photosRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // Raw image bodies, for this plugin's routes only, up to 5 MB (the app's limit is 1 MB).
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_request, body, done) => done(null, body));

  /** The subject, after the permission check: themself, their employer's editors, or an admin. */
  async function authorised(request: FastifyRequest, personId: string) {
    const audience = signedIn(request);
    const owner = await authorise(db, audience, 'photo', 'person', personId, {
      message: 'U mag alleen uw eigen foto of die van mensen van uw organisatie wijzigen. / You may only change your own photo or those of your organisation\'s people.',
    }) as PersonOwner;
    const subject = await photoSubject(db, personId);
    if (!subject) throw notFound('persoon', personId);
    return { audience, subject, owner, self: audience.personId === personId };
  }

  app.post('/api/people/:id/photo', {
    bodyLimit: PHOTO_MAX_BYTES,
    config: { bodyTypes: [...PHOTO_TYPES], rateLimit: UPLOAD_LIMIT },
    schema: {
      tags: ['editing'], summary: 'Upload a portrait: the raw JPEG, PNG or WebP bytes (max 5 MB), stored as a 512 px WebP without metadata',
      description: 'Content-Type image/jpeg, image/png or image/webp; the content decides, not the type sent. Needs photo_consent '
        + '(409 consent_required), or ?consent=1 when the person uploads their own.',
      params: PhotoParams, querystring: PhotoUploadQuery,
      response: { 201: PhotoSaved, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const { audience, subject, owner, self } = await authorised(request, request.params.id);
    const grant = self && request.query.consent === '1';
    if (!may(audience, 'upload_photo', owner) && !grant) throw consentRequired();
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
      throw new HttpError(400, 'bad_request', 'Stuur de foto zelf als inhoud van het verzoek. / Send the image as the request body.', [{ field: 'body', in: 'body', message: 'required' }]);
    }
    const photo = await processPhoto(request.body);
    const saved = await savePhoto(db, { actorAccountId: audience.accountId }, subject.id, photo, grant && !subject.photo_consent);
    return reply.code(201).header('location', saved.photo_url).send(saved);
  });

  app.delete('/api/people/:id/photo', {
    schema: {
      tags: ['editing'], summary: 'Remove a portrait (the initials avatar shows again)',
      params: PhotoParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { audience, subject } = await authorised(request, request.params.id);
    await removePhoto(db, { actorAccountId: audience.accountId }, subject.id);
    return reply.code(204).send(null);
  });

  app.get('/api/photos/:hash.webp', {
    schema: {
      tags: ['directory'], summary: 'A portrait by content hash (WebP); 404 when the asker may not see it (any more)',
      params: PhotoFileParams, response: { 200: mediaResponse('image/webp', 'The photo, re-encoded as WebP without metadata'), ...errorResponses(400, 404) },
    },
    // After the audience hook's "private, no-store": the bytes never change, the right to see them may.
    onSend: async (request, reply, payload) => {
      if (reply.statusCode === 200 || reply.statusCode === 304) {
        const scope = request.audience.kind === 'anonymous' ? 'public' : 'private';
        reply.header('cache-control', `${scope}, max-age=${PHOTO_MAX_AGE}`);
      }
      return payload;
    },
  }, async (request, reply) => serve(request, reply, request.params.hash));

  async function serve(request: FastifyRequest, reply: FastifyReply, hash: string) {
    const url = photoUrlOf(hash);
    const people = await presentPeople(db, request.audience, await photoOwners(db, hash), { recordViews: false });
    const owner = [...people.values()].find((p) => p.photo_url === url);
    const gone = new HttpError(404, 'not_found', 'Deze foto bestaat niet (meer). / This photo does not exist (any more).', [{ field: 'hash', in: 'path', message: 'No visible photo with this hash' }]);
    if (!owner) throw gone;
    const etag = `"${hash}"`;
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const bytes = await photoBytes(db, owner.id, hash);
    if (!bytes) throw gone;
    return reply.type('image/webp').header('x-content-type-options', 'nosniff').send(bytes);
  }
};

export default photosRoutes;
