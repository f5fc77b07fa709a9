import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { bandsMissing, fillBoundaryBands } from '../areas/areas.bands';
import { CLUSTER_FIELDS, clusteredMarkers } from './map.clusters';
import { sendWithEtag } from '../http/content-etag';
import { hasServiceFilters, matchTeams } from '../services/services.filters';
import { cachedBody, cachedExtent } from './map.cache';
import { boundaryFeatures, MARKER_FIELDS, markerTuples } from './map.queries';
import { BoundariesQuery, Extent, FeatureCollection, Markers, MarkersQuery } from './map.schemas';

const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/map/markers', {
    schema: {
      tags: ['map'], summary: 'Team locations as compact tuples (see `fields`), clustered per `zoom`, ETag-cached',
      querystring: MarkersQuery, response: { 200: Markers, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const q = request.query;
    const db = app.database.db;
    // With a resident's filter the answer depends on the hour (Nu open) and holds the few
    // teams that match: not cached, not clustered.
    if (hasServiceFilters(q)) {
      const rows = await markerTuples(db, q);
      const matches = await matchTeams(db, rows.map((r) => r[2]), q, app.clock());
      const items = rows.filter((r) => matches.has(r[2]));
      return sendWithEtag(request, reply, JSON.stringify({ fields: MARKER_FIELDS, items, total: items.length }));
    }
    const key = `markers#${JSON.stringify([q.zoom ?? null, q.bbox ?? null, [...(q.type ?? [])].sort(), [...(q.topic ?? [])].sort()])}`;
    const body = await cachedBody(db, key, async () => {
      if (q.zoom === undefined) return { fields: MARKER_FIELDS, items: await markerTuples(db, q) };
      const { items, clusters, total } = await clusteredMarkers(db, { ...q, zoom: q.zoom });
      return { fields: MARKER_FIELDS, items, cluster_fields: CLUSTER_FIELDS, clusters, total };
    });
    return sendWithEtag(request, reply, body);
  });

  app.get('/api/map/boundaries', {
    schema: {
      tags: ['map'], summary: 'Area boundaries of one kind, simplified per zoom band, as a GeoJSON FeatureCollection (WGS84)',
      querystring: BoundariesQuery, response: { 200: FeatureCollection, ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const { kind, bbox, band } = request.query;
    const db = app.database.db;
    const body = await cachedBody(db, `boundaries#${JSON.stringify([kind, bbox ?? null, band ?? null])}`, async () => {
      // Rows written before the bands existed (migration, seeds) get them on first use.
      // (Filling them moves the change marker: the next request builds afresh, once.)
      if (band !== 'full' && await bandsMissing(db)) await fillBoundaryBands(db);
      return boundaryFeatures(db, kind, bbox, band);
    });
    return sendWithEtag(request, reply, body);
  });

  app.get('/api/map/extent', {
    schema: { tags: ['map'], summary: 'The box around every known boundary: where the map opens', response: { 200: Extent } },
  }, async (_request, reply) => reply.header('cache-control', 'public, max-age=60').send({ bbox: await cachedExtent(app.database.db) }));
};

export default mapRoutes;
