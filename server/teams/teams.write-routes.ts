// Writing teams over HTTP (api.md "Writing"): POST creates, PATCH changes the fields sent,
// DELETE archives, POST …/verify confirms "klopt nog". Every write needs If-Match with the
// version read (the ETag), answers with the new record and ETag, or 412 with the current.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanEdit, requireRole, requireSignedIn, signedIn } from '../auth/guards';
import { HttpError, notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { etagOf, ifMatchVersion, orStale, StaleBody } from '../http/versioning';
import { getTeam } from './teams.queries';
import { TeamDetail } from './teams.schemas';
import { archiveTeam, createTeam, patchTeam, verifyTeam } from './teams.mutations';
import { TeamCreate, TeamPatch } from './teams.write-schemas';

const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 415, 428);
const IfMatch = z.object({ 'if-match': z.string().optional().describe('The ETag of the version you read, e.g. "3" (required)') });

const teamsWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const ownerOf = async (id: string) => {
    const team = await db.selectFrom('teams').select(['id', 'organisation_id']).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
    if (!team) throw notFound('team', id);
    return team;
  };

  app.post('/api/teams', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Create a team in an organisation you edit', body: TeamCreate, response: { 201: TeamDetail, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    assertCanEdit(request, { organisationId: request.body.organisation_id });
    const id = await createTeam(db, { actorAccountId: signedIn(request).accountId }, request.body);
    const team = (await getTeam(db, request.audience, id))!;
    return reply.code(201).header('etag', etagOf(team.version)).header('location', `/api/teams/${id}`).send(team);
  });

  app.patch('/api/teams/:id', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: 'Change the fields sent (If-Match required)', params: IdParams, headers: IfMatch, body: TeamPatch,
      response: { 200: TeamDetail, 412: StaleBody, ...WRITE_ERRORS },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const owner = await ownerOf(id);
    assertCanEdit(request, { teamId: id, organisationId: owner.organisation_id });
    if (request.body.organisation_id !== undefined && request.audience.kind !== 'admin') {
      throw new HttpError(400, 'bad_request', 'Alleen een beheerder kan een team naar een andere organisatie verplaatsen.',
        [{ field: 'organisation_id', in: 'body', message: 'Only an admin may move a team to another organisation' }]);
    }
    if (request.body.organisation_id !== undefined) assertCanEdit(request, { organisationId: request.body.organisation_id });
    const expected = ifMatchVersion(request);
    return orStale(reply, async () => {
      await patchTeam(db, { actorAccountId: signedIn(request).accountId }, id, expected, request.body);
      const team = (await getTeam(db, request.audience, id))!;
      return reply.header('etag', etagOf(team.version)).send(team);
    }, () => getTeam(db, request.audience, id));
  });

  app.delete('/api/teams/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Archive a team (If-Match required)', params: IdParams, headers: IfMatch, response: { 204: z.null(), 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const { id } = request.params;
    const owner = await ownerOf(id);
    assertCanEdit(request, { teamId: id, organisationId: owner.organisation_id });
    const expected = ifMatchVersion(request);
    return orStale(reply, async () => {
      await archiveTeam(db, { actorAccountId: signedIn(request).accountId }, id, expected);
      return reply.code(204).send(null);
    }, () => getTeam(db, request.audience, id));
  });

  app.post('/api/teams/:id/verify', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Confirm the team is still right ("klopt nog"; If-Match required)', params: IdParams, headers: IfMatch, response: { 200: TeamDetail, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const { id } = request.params;
    const owner = await ownerOf(id);
    assertCanEdit(request, { teamId: id, organisationId: owner.organisation_id });
    const expected = ifMatchVersion(request);
    return orStale(reply, async () => {
      await verifyTeam(db, { actorAccountId: signedIn(request).accountId }, id, expected, app.clock());
      const team = (await getTeam(db, request.audience, id))!;
      return reply.header('etag', etagOf(team.version)).send(team);
    }, () => getTeam(db, request.audience, id));
  });
};

export default teamsWriteRoutes;
