// Typed calls to /api/pathways (types come type-only from the server schemas).
import type { z } from 'zod';
import type { PathwayDetail, PathwayList, ResolvedPathway, ResolvedPathways } from '../../server/pathways/pathways.schemas';
import { getJson, withQuery } from '../api/client';

export type Resolved = z.infer<typeof ResolvedPathway>;
export type ResolvedStep = Resolved['steps'][number];
export type PathwaySummary = z.infer<typeof PathwayList>['items'][number];
export type Pathway = z.infer<typeof PathwayDetail>;

/** Every pathway the caller may read, resolved for an address (postcode + number, or address). */
export function pathwaysAt(params: Record<string, string | undefined>, signal?: AbortSignal) {
  return getJson<z.infer<typeof ResolvedPathways>>(withQuery('/api/pathways/at', params), signal);
}
export function pathwayList(params: { topic?: string; team?: string }, signal?: AbortSignal) {
  return getJson<z.infer<typeof PathwayList>>(withQuery('/api/pathways', params), signal);
}
export function pathway(key: string, signal?: AbortSignal) {
  return getJson<Pathway>(`/api/pathways/${encodeURIComponent(key)}`, signal);
}
