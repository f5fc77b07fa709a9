import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../http/schemas';
import { notFound } from '../http/errors';
import { getPerson, listPeople } from './people.queries';
import { PeopleList, PeopleQuery, PersonDetail } from './people.schemas';

const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/people', {
    schema: {
      tags: ['directory'], summary: 'People as the audience may see them (residents: only those who opted in)',
      querystring: PeopleQuery, response: { 200: PeopleList, ...errorResponses(400) },
    },
  }, async (request) => listPeople(app.database.db, request.audience, request.query));

  app.get('/api/people/:id', {
    schema: {
      tags: ['directory'], summary: 'A person as the audience may see them; 404 when the audience may not see them at all',
      params: IdParams, response: { 200: PersonDetail, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const found = await getPerson(app.database.db, request.audience, request.params.id);
    if (!found) throw notFound('persoon', request.params.id);
    return found;
  });
};

export default peopleRoutes;
