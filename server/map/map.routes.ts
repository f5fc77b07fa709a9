import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponses } from '../http/schemas';
import { boundaryFeatures, MARKER_FIELDS, markerTuples } from './map.queries';
import { BoundariesQuery, FeatureCollection, Markers, MarkersQuery } from './map.schemas';

/** Sends prebuilt JSON text with a content ETag; a matching If-None-Match gets a 304. */
function sendWithEtag(request: FastifyRequest, reply: FastifyReply, body: string) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/map/markers', {
    schema: {
      tags: ['map'], summary: 'Team locations as compact tuples (see `fields`), ETag-cached',
      querystring: MarkersQuery, response: { 200: Markers, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const items = await markerTuples(app.database.db, request.query);
    return sendWithEtag(request, reply, JSON.stringify({ fields: MARKER_FIELDS, items }));
  });

  app.get('/api/map/boundaries', {
    schema: {
      tags: ['map'], summary: 'Area boundaries of one kind as a GeoJSON FeatureCollection (WGS84)',
      querystring: BoundariesQuery, response: { 200: FeatureCollection, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const collection = await boundaryFeatures(app.database.db, request.query.kind, request.query.bbox);
    return sendWithEtag(request, reply, JSON.stringify(collection));
  });
};

export default mapRoutes;
