// Writing teams over HTTP (api.md "Writing"): POST creates, PATCH changes the fields sent,
// DELETE archives, POST …/verify confirms "klopt nog". Every write needs If-Match with the
// version read (the ETag), answers with the new record and ETag, or 412 with the current.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { authorise } from '../http/authorise';
import { HttpError } from '../http/errors';
import { IdParams } from '../http/schemas';
import { StaleBody } from '../http/versioning';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { getTeam } from './teams.queries';
import { TeamDetail } from './teams.schemas';
import { archiveTeam, createTeam, patchTeam, verifyTeam } from './teams.write';
import { TeamCreate, TeamPatch } from './teams.write-schemas';

const teamsWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (request: FastifyRequest, id: string) => () => getTeam(db, request.audience, id);
  const may = (request: FastifyRequest, action: 'edit' | 'verify' | 'archive', id: string) => async () => {
    await authorise(db, request.audience, action, 'team', id);
  };

  app.post('/api/teams', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Create a team in an organisation you edit', body: TeamCreate, response: { 201: TeamDetail, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const organisation = await db.selectFrom('organisations').select('id').where('id', '=', request.body.organisation_id).executeTakeFirst();
    if (organisation) await authorise(db, request.audience, 'create_team', 'organisation', organisation.id);
    const id = await createTeam(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await getTeam(db, request.audience, id))!, `/api/teams/${id}`);
  });

  app.patch('/api/teams/:id', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: 'Change the fields sent (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: TeamPatch,
      response: { 200: TeamDetail, 412: StaleBody, ...WRITE_ERRORS },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const moveTo = request.body.organisation_id;
    return versionedWrite({
      request, reply, load: load(request, id),
      authorise: async () => {
        await may(request, 'edit', id)();
        if (moveTo === undefined) return;
        if (request.audience.kind !== 'admin') {
          throw new HttpError(400, 'bad_request', 'Alleen een beheerder kan een team naar een andere organisatie verplaatsen.',
            [{ field: 'organisation_id', in: 'body', message: 'Only an admin may move a team to another organisation' }]);
        }
      },
      write: (ctx, expected) => patchTeam(db, ctx, id, expected, request.body),
    });
  });

  app.delete('/api/teams/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a team (If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, empty: true, load: load(request, request.params.id), authorise: may(request, 'archive', request.params.id),
    write: (ctx, expected) => archiveTeam(db, ctx, request.params.id, expected),
  }));

  app.post('/api/teams/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the team is still right ("klopt nog"; If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: TeamDetail, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id), authorise: may(request, 'verify', request.params.id),
    write: (ctx, expected) => verifyTeam(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default teamsWriteRoutes;
