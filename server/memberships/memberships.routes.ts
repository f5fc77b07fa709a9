// Memberships over HTTP: the editors of a team add people to it, change their role or
// contact-person mark, and end a membership (with a successor as contact person). Read by
// signed-in accounts only: whether a hidden person is in a team is not for residents.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCanEdit, requireRole, requireSignedIn, signedIn } from '../auth/guards';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { etagOf, StaleBody } from '../http/versioning';
import { createMembership, endMembership, getMembership, membershipOwner, patchMembership } from './memberships.queries';
import { Membership, MembershipCreate, MembershipEnd, MembershipPatch } from './memberships.schemas';

const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const load = (id: string) => () => getMembership(db, id);
  const mayEdit = (request: FastifyRequest, id: string) => async () => {
    const owner = await membershipOwner(db, id);
    if (!owner) throw notFound('lidmaatschap', id);
    assertCanEdit(request, owner);
  };

  app.get('/api/memberships/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'A membership with its version (signed in)', params: IdParams, response: { 200: Membership, ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const membership = await getMembership(db, request.params.id);
    if (!membership) throw notFound('lidmaatschap', request.params.id);
    return reply.header('etag', etagOf(membership.version)).send(membership);
  });

  app.post('/api/memberships', {
    preHandler: requireRole('editor'),
    schema: { tags: ['editing'], summary: 'Add a person to a team you edit', body: MembershipCreate, response: { 201: Membership, ...WRITE_ERRORS } },
  }, async (request, reply) => {
    const team = await db.selectFrom('teams').select(['id', 'organisation_id']).where('id', '=', request.body.team_id).where('archived_at', 'is', null).executeTakeFirst();
    if (team) assertCanEdit(request, { teamId: team.id, organisationId: team.organisation_id });
    const id = await createMembership(db, { actorAccountId: signedIn(request).accountId }, request.body);
    return sendCreated(reply, (await getMembership(db, id))!, `/api/memberships/${id}`);
  });

  app.patch('/api/memberships/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change role, contact-person mark or dates (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: MembershipPatch, response: { 200: Membership, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: mayEdit(request, request.params.id),
    write: (ctx, expected) => patchMembership(db, ctx, request.params.id, expected, request.body),
  }));

  app.post('/api/memberships/:id/end', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Someone leaves the team: last day, and a successor as contact person (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: MembershipEnd, response: { 200: Membership, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request.params.id), authorise: mayEdit(request, request.params.id),
    write: (ctx, expected) => endMembership(db, ctx, request.params.id, expected, request.body),
  }));
};

export default membershipsRoutes;
