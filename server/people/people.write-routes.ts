// Writing people over HTTP. Who may: admins; editors of a team the person currently works
// in; and the person themself (their own profile). Publishing to residents is the person's
// own choice: others may only withdraw it (400 naming the field otherwise).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canEdit, forbidden, requireRole, requireSignedIn, signedIn } from '../auth/guards';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { HttpError, notFound } from '../http/errors';
import { IdParams } from '../http/schemas';
import { StaleBody } from '../http/versioning';
import { isCurrentMembership } from '../domain/membership';
import { archivePerson, createPerson, patchPerson, verifyPerson } from './people.write';
import { getPerson } from './people.queries';
import { PersonDetail } from './people.schemas';
import { OWN_CHOICES, PersonCreate, PersonPatch } from './people.write-schemas';

const EditedPerson = PersonDetail.extend({ version: z.number().int() });

const peopleWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (request: FastifyRequest, id: string) => async () => {
    const found = await getPerson(db, request.audience, id);
    return found && found.person.shown_to === 'professionals' ? { ...found, version: found.person.version } : undefined;
  };
  /** Self, admin, or an editor of a team the person works in now; `self` tells which. */
  const mayEdit = async (request: FastifyRequest, id: string): Promise<{ self: boolean }> => {
    const audience = signedIn(request);
    const person = await db.selectFrom('people').select('id').where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
    if (!person) throw notFound('persoon', id);
    if (audience.personId === id) return { self: true };
    if (audience.kind === 'admin') return { self: false };
    const teams = await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
      .select(['t.id as teamId', 't.organisation_id as organisationId']).where('m.person_id', '=', id).where(isCurrentMembership('m')).execute();
    if (!teams.some((t) => canEdit(audience, t))) throw forbidden();
    return { self: false };
  };

  app.patch('/api/people/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change the fields sent (If-Match required); publishing is the person\'s own choice', params: IdParams, headers: IfMatchHeaders, body: PersonPatch, response: { 200: EditedPerson, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id),
    authorise: async () => {
      const { self } = await mayEdit(request, request.params.id);
      if (self) return;
      const granting = OWN_CHOICES.filter((f) => f === 'published' ? (request.body.published?.length ?? 0) > 0 : request.body[f] === true);
      if (granting.length) {
        throw new HttpError(400, 'bad_request', 'Alleen de persoon zelf kan iets openbaar maken of toestemming geven; u kunt het wel intrekken.',
          granting.map((field) => ({ field, in: 'body', message: 'Only the person themself may grant this' })));
      }
    },
    write: (ctx, expected) => patchPerson(db, ctx, request.params.id, expected, request.body, app.clock()),
  }));

  app.post('/api/people', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Add a colleague to a team you edit', body: PersonCreate, response: { 201: EditedPerson, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const team = await db.selectFrom('teams').select(['id as teamId', 'organisation_id as organisationId']).where('id', '=', request.body.team_id).where('archived_at', 'is', null).executeTakeFirst();
    if (team && !canEdit(signedIn(request), team)) throw forbidden();
    const id = await createPerson(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await load(request, id)())!, `/api/people/${id}`);
  });

  app.delete('/api/people/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a person: they leave every team today (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request, request.params.id),
    authorise: async () => {
      if ((await mayEdit(request, request.params.id)).self) throw forbidden('Uw eigen gegevens verwijdert u via Mijn gegevens.');
    },
    write: (ctx, expected) => archivePerson(db, ctx, request.params.id, expected, app.clock()),
  }));

  app.post('/api/people/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the person\'s details are still right (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: EditedPerson, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id),
    authorise: async () => { await mayEdit(request, request.params.id); },
    write: (ctx, expected) => verifyPerson(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default peopleWriteRoutes;
