// The one fetch wrapper: JSON in, typed JSON out, errors as ApiError. Types come from the
// server's Zod schemas, type-only, so the web bundle carries none of the server code.
import type { z } from 'zod';
import { bootData } from './boot';
import type { TeamList, TeamDetail } from '../../server/teams/teams.schemas';
import type { AreaDetail, AreaList } from '../../server/areas/areas.schemas';
import type { Markers, FeatureCollection } from '../../server/map/map.schemas';
import type { AreaPeople, PersonDetail } from '../../server/people/people.schemas';
import type { TopicList, TeamTypeList, Topic, TeamType } from '../../server/taxonomy/taxonomy.schemas';

export type TeamSummary = z.infer<typeof TeamList>['items'][number];
export type TeamPage = z.infer<typeof TeamList>;
export type { TeamDetail, AreaDetail, Topic, TeamType };
export type Member = TeamDetail['members'][number];
export type Person = Member['person'];
/** A member in a long list (the map's "wie werkt hier"): the person as a card. */
export type MemberCard = AreaPeople['teams'][number]['members'][number];
export type PersonCard = MemberCard['person'];
export type PersonPage = z.infer<typeof PersonDetail>;
export type MarkerList = z.infer<typeof Markers>;
export type Boundaries = z.infer<typeof FeatureCollection>;
export type AreaItems = z.infer<typeof AreaList>;
export type ServingTeam = AreaDetail['teams'][number];
interface ClientConfig { tiles: { url: string; attribution: string }; boundary_attribution: string }

interface ErrorDetail { field?: string; message: string }
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code = '', readonly details: ErrorDetail[] = [], readonly body: unknown = undefined) { super(message); }
  /** The server's message for one field, if it named it. */
  field(name: string): string | undefined { return this.details.find((d) => d.field === name)?.message; }
}

async function failure(res: Response): Promise<ApiError> {
  let body: { error?: string; message?: string; details?: ErrorDetail[] } | undefined;
  try { body = await res.json() as typeof body; } catch { /* not JSON */ }
  return new ApiError(res.status, body?.message ?? res.statusText, body?.error ?? '', body?.details ?? [], body);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** A record plus its ETag (the version to send back as If-Match when editing). */
export async function getWithEtag<T>(path: string, signal?: AbortSignal): Promise<{ data: T; etag: string }> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (!res.ok) throw await failure(res);
  return { data: (await res.json()) as T, etag: res.headers.get('etag') ?? '' };
}

/** A JSON write (the browser adds Origin; the server refuses foreign ones). */
export async function sendJson<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch { throw new ApiError(0, 'network'); }
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `path?k=v` from the defined, non-empty params. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// Reference data that rarely changes: fetched once per page load.
const once = new Map<string, Promise<unknown>>();
function cached<T>(path: string): Promise<T> {
  let p = once.get(path) as Promise<T> | undefined;
  if (!p) {
    p = getJson<T>(path);
    p.catch(() => once.delete(path));
    once.set(path, p);
  }
  return p;
}

export const api = {
  config: () => { const given = bootData().config; return given ? Promise.resolve(given) : cached<ClientConfig>('/api/config'); },
  topics: () => cached<z.infer<typeof TopicList>>('/api/topics').then((r) => r.items),
  teamTypes: () => cached<z.infer<typeof TeamTypeList>>('/api/team-types').then((r) => r.items),
  buurten: () => cached<AreaItems>('/api/areas?kind=buurt').then((r) => r.items),
  area: (code: string, s?: AbortSignal) => getJson<AreaDetail>(`/api/areas/${encodeURIComponent(code)}`, s),
  /** Wie werkt hier: the people serving an area, grouped by team, as this viewer may see them. */
  areaPeople: (code: string, s?: AbortSignal) => getJson<AreaPeople>(`/api/areas/${encodeURIComponent(code)}/people`, s),
  team: (id: string, s?: AbortSignal) => getJson<TeamDetail>(`/api/teams/${encodeURIComponent(id)}`, s),
  person: (id: string, s?: AbortSignal) => getJson<PersonPage>(`/api/people/${encodeURIComponent(id)}`, s),
  teams: (params: Record<string, string | number | undefined>, s?: AbortSignal) => getJson<TeamPage>(withQuery('/api/teams', params), s),
  markers: (params: Record<string, string | undefined>, s?: AbortSignal) => getJson<MarkerList>(withQuery('/api/map/markers', params), s),
  boundaries: (kind: 'buurt' | 'wijk') => cached<Boundaries>(`/api/map/boundaries?kind=${kind}`),
};
