import { z } from 'zod';
import { AreaCode, NullableTimestamp } from '../http/schemas';

export const AreaKind = z.enum(['gemeente', 'wijk', 'buurt']);
export const AreaListQuery = z.object({
  kind: AreaKind.optional(),
  parent: AreaCode.optional().describe('Only the children of this area'),
});
export const AreaCodeParams = z.object({ code: AreaCode });

export const AreaSummary = z.object({ code: z.string(), kind: AreaKind, name: z.string(), parent_code: z.string().nullable() });
export const AreaList = z.object({ items: z.array(AreaSummary) });

// GeoJSON geometry as stored (Polygon or MultiPolygon, WGS84 lon/lat).
export const Geometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) });

export const ServingTeam = z.object({
  id: z.string(), name: z.string(), team_type: z.string(), category: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  coverage: z.string(), public_phone: z.string().nullable(), access: z.string(),
});
export const AreaDetail = AreaSummary.extend({
  parent: AreaSummary.nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  geometry: Geometry.nullable(),
  population: z.number().nullable(),
  postcodes: z.array(z.string()),
  children: z.array(AreaSummary),
  teams: z.array(ServingTeam),
  last_verified_at: NullableTimestamp,
});
export type AreaDetail = z.infer<typeof AreaDetail>;
