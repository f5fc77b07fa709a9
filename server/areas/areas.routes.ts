import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { notFound } from '../http/errors';
import { getArea, listAreas } from './areas.queries';
import { AreaCodeParams, AreaDetail, AreaList, AreaListQuery } from './areas.schemas';

const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/areas', {
    schema: { tags: ['directory'], summary: 'Gemeenten, wijken and buurten by CBS code, per level, parent or name; paged', querystring: AreaListQuery, response: { 200: AreaList, ...errorResponses(400) } },
  }, async (request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await listAreas(app.database.db, request.query)));

  app.get('/api/areas/:code', {
    schema: {
      tags: ['directory'], summary: 'An area with its boundary (GeoJSON), children and the teams serving it',
      params: AreaCodeParams, response: { 200: AreaDetail, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const area = await getArea(app.database.db, request.params.code, request.audience);
    if (!area) throw notFound('gebied', request.params.code);
    return area;
  });
};

export default areasRoutes;
