// Memberships over HTTP: the editors of a team add people to it (or, for someone employed by
// another organisation, ask for them: a `requested` membership the person's employer or the
// person accepts), change their role or contact-person mark, and end a membership (with a
// successor as contact person). Who may is server/domain/permissions.ts. Read by signed-in
// accounts only; a requested membership only by those who may act on it.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole, requireSignedIn, signedIn } from '../auth/auth.guards';
import { may, mayFlags, ownerOf, personOwner } from '../domain/permissions';
import { authorise } from '../http/authorise';
import { IfMatchHeaders, sendCreated, versionedWrite, WRITE_ERRORS } from '../editing/editing.http';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { etagOf, StaleBody } from '../http/versioning';
import { acceptMembership, createMembership, endMembership, getMembership, patchMembership } from './memberships.queries';
import { Membership, MembershipCreate, MembershipEnd, MembershipPatch } from './memberships.schemas';

const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  /** The membership as this caller sees it (with what they may do), or undefined. */
  const load = (request: FastifyRequest, id: string) => async () => {
    const membership = await getMembership(db, id);
    const owner = membership && await ownerOf(db, 'membership', id);
    if (!membership || !owner) return undefined;
    const flags = mayFlags(request.audience, owner);
    // a request counts nowhere: only those who may act on it learn it exists
    if (membership.status === 'requested' && !Object.values(flags).some(Boolean) && owner.kind === 'membership'
      && !may(request.audience, 'edit', owner.person)) return undefined;
    return { ...membership, may: flags };
  };
  const mayDo = (request: FastifyRequest, action: 'edit' | 'end' | 'accept', id: string) => async () => {
    if (!(await load(request, id)())) throw notFound('lidmaatschap', id);
    await authorise(db, request.audience, action, 'membership', id);
  };

  app.get('/api/memberships/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'A membership with its version (signed in)', params: IdParams, response: { 200: Membership, ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const membership = await load(request, request.params.id)();
    if (!membership) throw notFound('lidmaatschap', request.params.id);
    return reply.header('etag', etagOf(membership.version)).send(membership);
  });

  app.post('/api/memberships', {
    preHandler: requireRole('editor'),
    schema: {
      tags: ['editing'], summary: 'Add a person to a team you edit; someone employed elsewhere is asked for (status requested) until their employer accepts',
      body: MembershipCreate, response: { 201: Membership, ...WRITE_ERRORS },
    },
  }, async (request, reply) => {
    const team = await db.selectFrom('teams').select('id').where('id', '=', request.body.team_id).where('archived_at', 'is', null).executeTakeFirst();
    if (team) await authorise(db, request.audience, 'add_member', 'team', team.id);
    // current at once only when the one adding may also accept: the person's employer or the person
    const person = await personOwner(db, request.body.person_id);
    const accepted = person !== undefined && (request.audience.kind !== 'anonymous' && request.audience.personId === person.id || may(request.audience, 'edit', person));
    const id = await createMembership(db, { actorAccountId: signedIn(request).accountId }, request.body, accepted, app.clock());
    return sendCreated(reply, (await load(request, id)())!, `/api/memberships/${id}`);
  });

  app.patch('/api/memberships/:id', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Change role, contact-person mark or start date (If-Match required); ending is POST …/end', params: IdParams, headers: IfMatchHeaders, body: MembershipPatch, response: { 200: Membership, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id), authorise: mayDo(request, 'edit', request.params.id),
    write: (ctx, expected) => patchMembership(db, ctx, request.params.id, expected, request.body),
  }));

  app.post('/api/memberships/:id/end', {
    preHandler: requireSignedIn,
    schema: { tags: ['editing'], summary: 'Someone leaves the team: last day (default today), and a successor as contact person (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: MembershipEnd, response: { 200: Membership, 412: StaleBody, ...WRITE_ERRORS } },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id), authorise: mayDo(request, 'end', request.params.id),
    write: (ctx, expected) => endMembership(db, ctx, request.params.id, expected, request.body ?? {}, app.clock()),
  }));

  app.post('/api/memberships/:id/accept', {
    preHandler: requireSignedIn,
    schema: {
      tags: ['editing'], summary: 'Accept a requested membership: the person\'s employer (its editors) or the person themself (If-Match required)',
      params: IdParams, headers: IfMatchHeaders, response: { 200: Membership, 412: StaleBody, ...WRITE_ERRORS },
    },
  }, async (request, reply) => versionedWrite({
    request, reply, load: load(request, request.params.id), authorise: mayDo(request, 'accept', request.params.id),
    write: (ctx, expected) => acceptMembership(db, ctx, request.params.id, expected, app.clock()),
  }));
};

export default membershipsRoutes;
