import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../http/schemas';
import { notFound } from '../http/errors';
import { etagOf } from '../http/versioning';
import { getOrganisation, listOrganisations } from './organisations.queries';
import { OrganisationDetail, OrganisationList, OrganisationListQuery } from './organisations.schemas';

const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/organisations', {
    schema: { tags: ['directory'], summary: 'Organisations, paged', querystring: OrganisationListQuery, response: { 200: OrganisationList, ...errorResponses(400) } },
  }, async (request) => listOrganisations(app.database.db, request.query));

  app.get('/api/organisations/:id', {
    schema: { tags: ['directory'], summary: 'An organisation and its teams', params: IdParams, response: { 200: OrganisationDetail, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const org = await getOrganisation(app.database.db, request.params.id, request.audience);
    if (!org) throw notFound('organisatie', request.params.id);
    return reply.header('etag', etagOf(org.version)).send(org);
  });
};

export default organisationsRoutes;
