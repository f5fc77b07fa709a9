import { z } from 'zod';
import { BBox, KeyList } from '../http/schemas';
import { ServiceFilterQuery } from '../services/services.schemas';

const Zoom = z.coerce.number().min(0).max(24);

export const MarkersQuery = z.object({
  bbox: BBox.optional().describe('minLon,minLat,maxLon,maxLat; without it, every marker'),
  zoom: Zoom.optional().describe('Map zoom: with it, markers come clustered for that zoom (see `clusters`)'),
  type: KeyList.optional(),
  topic: KeyList.optional(),
  // the residents' filters (Nu open, Gratis, …): with any of them, only matching teams, unclustered
  ...ServiceFilterQuery.shape,
});
export type MarkersQuery = z.infer<typeof MarkersQuery>;

/** [lat, lon, team_id, team_type, team_name, location_id]: compact for tens of thousands of markers. */
const MarkerTuple = z.tuple([z.number(), z.number(), z.string(), z.string(), z.string(), z.string()]);
/** [lat, lon, count, expansion_zoom, cluster_id] */
const ClusterTuple = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);
export const Markers = z.object({
  fields: z.array(z.string()),
  items: z.array(MarkerTuple),
  cluster_fields: z.array(z.string()).optional(),
  clusters: z.array(ClusterTuple).optional().describe('Only with `zoom`: groups of nearby markers'),
  total: z.number().int().optional().describe('Only with `zoom`: markers in the box, single or clustered'),
});

export const BoundariesQuery = z.object({
  kind: z.enum(['gemeente', 'wijk', 'buurt']).default('buurt'),
  bbox: BBox.optional(),
  band: z.enum(['low', 'mid', 'high', 'full']).default('full')
    .describe('Simplification: low (zoom < 10), mid (10–13), high (≥ 13), full (as imported)'),
});
export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(),
    properties: z.object({ code: z.string(), name: z.string(), kind: z.string(), parent_code: z.string().nullable() }),
    geometry: z.any(),
  })),
});

export const Extent = z.object({ bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable() });
