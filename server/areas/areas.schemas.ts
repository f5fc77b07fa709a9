import { z } from 'zod';
import { AreaFigures } from './areas.figures';
import { AreaCode, NullableTimestamp, PageQuery, Paged, SearchText } from '../http/schemas';

const AreaKind = z.enum(['gemeente', 'wijk', 'buurt']);
export const AreaListQuery = PageQuery.extend({
  kind: AreaKind.optional().describe('One level: gemeente, wijk or buurt'),
  parent: AreaCode.optional().describe('Only the children of this area'),
  q: SearchText.optional().describe('Part of the name or code'),
  // Pickers page through a level; 100 (the cap) keeps a small installation's list whole.
  per_page: z.coerce.number().int().min(1).max(100).default(100),
});
export const AreaCodeParams = z.object({ code: AreaCode });

const AreaSummary = z.object({ code: z.string(), kind: AreaKind, name: z.string(), parent_code: z.string().nullable() });
export const AreaList = Paged(AreaSummary);

// GeoJSON geometry as stored (Polygon or MultiPolygon, WGS84 lon/lat).
const Geometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) });

const ServingTeam = z.object({
  id: z.string(), name: z.string(), team_type: z.string(), category: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  coverage: z.string(), public_phone: z.string().nullable(), access: z.string(),
});
export const AreaDetail = AreaSummary.extend({
  parent: AreaSummary.nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  geometry: Geometry.nullable(),
  population: z.number().nullable(),
  figures: AreaFigures.nullable(),
  postcodes: z.array(z.string()),
  children: z.array(AreaSummary),
  teams: z.array(ServingTeam),
  last_verified_at: NullableTimestamp,
});
export type AreaDetail = z.infer<typeof AreaDetail>;
