// Writing people over HTTP. Who may is the permission module's answer (the person themself,
// their employer's editors, admins; never a team that merely counts them as a member).
// Publishing to residents is the person's own choice: others may only withdraw it (400
// naming the field otherwise).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { type Action } from '../domain/permissions';
import { authorise } from '../http/authorise';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { HttpError } from '../http/errors';
import { IdParams } from '../http/schemas';
import { StaleBody } from '../http/versioning';
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
  /** The permission module's answer for `action`, or 401/403/404; `self` tells whether it is their own record. */
  const mayEdit = async (request: FastifyRequest, id: string, action: Action = 'edit'): Promise<{ self: boolean }> => {
    const audience = signedIn(request);
    if (action === 'archive' && audience.personId === id) throw forbidden('Uw eigen gegevens verwijdert u via Mijn gegevens.');
    await authorise(db, audience, action, 'person', id, { message: 'Alleen de persoon zelf en de werkgever van deze persoon wijzigen deze gegevens. / Only the person and their employer change these details.' });
    return { self: audience.personId === id };
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
    // a new colleague is employed by the team's organisation: adding one is the team's editors' act
    const team = await db.selectFrom('teams').select('id').where('id', '=', request.body.team_id).where('archived_at', 'is', null).executeTakeFirst();
    if (team) await authorise(db, request.audience, 'add_member', 'team', team.id);
    const id = await createPerson(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await load(request, id)())!, `/api/people/${id}`);
  });

  app.delete('/api/people/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a person: they leave every team today (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request, request.params.id),
    authorise: async () => { await mayEdit(request, request.params.id, 'archive'); },
    write: (ctx, expected) => archivePerson(db, ctx, request.params.id, expected, app.clock()),
  }));

  app.post('/api/people/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the person\'s details are still right (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: EditedPerson, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id),
    authorise: async () => { await mayEdit(request, request.params.id, 'verify'); },
    write: (ctx, expected) => verifyPerson(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default peopleWriteRoutes;
