import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../http/schemas';
import { answerWriter } from '../http/serializer';
import { notFound } from '../http/errors';
import { etagOf } from '../http/versioning';
import { AreaCodeParams } from '../areas/areas.schemas';
import { writeAreaPeople } from './people.cards-json';
import { getPerson, listPeople, peopleServingArea } from './people.queries';
import { AreaPeople, PeopleList, PeopleQuery, PersonDetail } from './people.schemas';

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
  }, async (request, reply) => {
    const found = await getPerson(app.database.db, request.audience, request.params.id);
    if (!found) throw notFound('persoon', request.params.id);
    // signed in: the version to send back as If-Match when editing
    if (found.person.shown_to === 'professionals') reply.header('etag', etagOf(found.person.version));
    return reply.send(found);
  });

  app.get('/api/areas/:code/people', {
    schema: {
      tags: ['directory'],
      summary: 'Wie werkt hier: the people currently serving a buurt (a wijk or gemeente: its buurten), grouped by team',
      description: 'Teams in the order of the area page (first points of contact first); each person as the audience may '
        + 'see them, and per team how many current members this audience may not see.',
      params: AreaCodeParams, response: { 200: AreaPeople, ...errorResponses(400, 404) },
    },
    // Written with each card's JSON kept (people.cards-json.ts): the same bytes as the schema's
    // writer; an error answer keeps its own. (Fastify sends the Buffer as it is.)
    serializerCompiler: answerWriter(writeAreaPeople),
  }, async (request, reply) => {
    const found = await peopleServingArea(app.database.db, request.audience, request.params.code);
    if (!found) throw notFound('gebied', request.params.code);
    // The answer depends on who asks: no shared cache may keep it.
    return reply.header('cache-control', 'private, no-store').send(found);
  });
};

export default peopleRoutes;
