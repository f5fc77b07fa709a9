import { z } from 'zod';
import { BBox, KeyList } from '../http/schemas';

export const MarkersQuery = z.object({
  bbox: BBox.optional().describe('minLon,minLat,maxLon,maxLat; without it, every marker'),
  type: KeyList.optional(),
  topic: KeyList.optional(),
});
export type MarkersQuery = z.infer<typeof MarkersQuery>;

/** [lat, lon, team_id, team_type, team_name, location_id]: compact for tens of thousands of markers. */
export const MarkerTuple = z.tuple([z.number(), z.number(), z.string(), z.string(), z.string(), z.string()]);
export const Markers = z.object({
  fields: z.array(z.string()),
  items: z.array(MarkerTuple),
});

export const BoundariesQuery = z.object({
  kind: z.enum(['gemeente', 'wijk', 'buurt']).default('buurt'),
  bbox: BBox.optional(),
});
export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(),
    properties: z.object({ code: z.string(), name: z.string(), kind: z.string(), parent_code: z.string().nullable() }),
    geometry: z.any(),
  })),
});
