// Writing organisations over HTTP: admins create and archive; editors scoped to the
// organisation change its details and confirm them. If-Match on every change.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { authorise } from '../http/authorise';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { IdParams } from '../http/schemas';
import { StaleBody } from '../http/versioning';
import { getOrganisation } from './organisations.queries';
import { OrganisationDetail } from './organisations.schemas';
import { archiveOrganisation, createOrganisation, OrganisationCreate, OrganisationPatch, patchOrganisation, verifyOrganisation } from './organisations.write';

const organisationsWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (id: string) => () => getOrganisation(db, id);
  const may = (request: FastifyRequest, action: 'edit' | 'verify' | 'archive', id: string) => async () => {
    await authorise(db, request.audience, action, 'organisation', id);
  };

  app.post('/api/organisations', {
    preHandler: requireRole('admin'),
    schema: { tags: ['editing'], summary: 'Create an organisation (admins)', body: OrganisationCreate, response: { 201: OrganisationDetail, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const id = await createOrganisation(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await getOrganisation(db, id))!, `/api/organisations/${id}`);
  });

  app.patch('/api/organisations/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change the fields sent (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: OrganisationPatch, response: { 200: OrganisationDetail, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: may(request, 'edit', request.params.id),
    write: (ctx, expected) => patchOrganisation(db, ctx, request.params.id, expected, request.body),
  }));

  app.delete('/api/organisations/:id', {
    preHandler: requireRole('admin'),
    schema: { tags: ['editing'], summary: 'Archive an organisation and its teams (admins; If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request.params.id), authorise: may(request, 'archive', request.params.id),
    write: (ctx, expected) => archiveOrganisation(db, ctx, request.params.id, expected, app.clock()),
  }));

  app.post('/api/organisations/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the organisation is still right (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: OrganisationDetail, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: may(request, 'verify', request.params.id),
    write: (ctx, expected) => verifyOrganisation(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default organisationsWriteRoutes;
