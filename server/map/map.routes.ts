import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { bandsMissing, fillBoundaryBands } from '../areas/areas.bands';
import { CLUSTER_FIELDS, clusteredMarkers } from './map.clusters';
import { sendWithEtag } from '../http/content-etag';
import { boundaryFeatures, MARKER_FIELDS, mapExtent, markerTuples } from './map.queries';
import { BoundariesQuery, Extent, FeatureCollection, Markers, MarkersQuery } from './map.schemas';

const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/map/markers', {
    schema: {
      tags: ['map'], summary: 'Team locations as compact tuples (see `fields`), clustered per `zoom`, ETag-cached',
      querystring: MarkersQuery, response: { 200: Markers, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const q = request.query;
    if (q.zoom === undefined) {
      const items = await markerTuples(app.database.db, q);
      return sendWithEtag(request, reply, JSON.stringify({ fields: MARKER_FIELDS, items }));
    }
    const { items, clusters, total } = await clusteredMarkers(app.database.db, { ...q, zoom: q.zoom });
    return sendWithEtag(request, reply, JSON.stringify({ fields: MARKER_FIELDS, items, cluster_fields: CLUSTER_FIELDS, clusters, total }));
  });

  app.get('/api/map/boundaries', {
    schema: {
      tags: ['map'], summary: 'Area boundaries of one kind, simplified per zoom band, as a GeoJSON FeatureCollection (WGS84)',
      querystring: BoundariesQuery, response: { 200: FeatureCollection, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const { kind, bbox, band } = request.query;
    // Rows written before the bands existed (migration, seeds) get them on first use.
    if (band !== 'full' && await bandsMissing(app.database.db)) await fillBoundaryBands(app.database.db);
    const collection = await boundaryFeatures(app.database.db, kind, bbox, band);
    return sendWithEtag(request, reply, JSON.stringify(collection));
  });

  app.get('/api/map/extent', {
    schema: { tags: ['map'], summary: 'The box around every known boundary: where the map opens', response: { 200: Extent } },
  }, async (_request, reply) => reply.header('cache-control', 'public, max-age=60').send({ bbox: await mapExtent(app.database.db) }));
};

export default mapRoutes;
