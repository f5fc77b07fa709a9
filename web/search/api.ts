// Typed calls to /api/search and /api/lookup (types come type-only from the server
// schemas), and where each kind of search result leads.
import type { SearchItem, SearchResult } from '../../server/search/search.schemas';
import type { LookupResult, LookupTeam } from '../../server/lookup/lookup.schemas';
import { getJson, withQuery } from '../api/client';
import type { OrganisationDetail } from '../../server/organisations/organisations.schemas';
import type { z } from 'zod';

export type { SearchItem, SearchResult, LookupResult, LookupTeam };
export type SearchKind = SearchItem['kind'];
const KINDS: readonly SearchKind[] = ['team', 'topic', 'organisation', 'person'];
/** Searches need at least this many characters. */
export const MIN_CHARS = 2;

export function searchApi(q: string, params: { page?: number; per_page?: number }, signal?: AbortSignal): Promise<SearchResult> {
  return getJson<SearchResult>(withQuery('/api/search', { q, ...params }), signal);
}

export function lookupApi(params: { address?: string; postcode?: string; number?: string }, signal?: AbortSignal): Promise<LookupResult> {
  return getJson<LookupResult>(withQuery('/api/lookup', params), signal);
}

type Organisation = z.infer<typeof OrganisationDetail>;
export function organisationApi(id: string, signal?: AbortSignal): Promise<Organisation> {
  return getJson<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, signal);
}

/**
 * Where a result leads. An organisation has no page of its own: it leads to its team when
 * it has exactly one, otherwise to the results page for its name, which lists its teams.
 */
export function hrefFor(item: SearchItem): string {
  switch (item.kind) {
    case 'team': return `/teams/${encodeURIComponent(item.id)}`;
    case 'person': return `/mensen/${encodeURIComponent(item.id)}`;
    case 'topic': return `/hulp/${encodeURIComponent(item.id)}`;
    case 'organisation': return withQuery('/zoeken', { q: item.name });
  }
}

/** hrefFor, but an organisation with a single team goes straight to that team. */
export async function resolveHref(item: SearchItem): Promise<string> {
  if (item.kind !== 'organisation') return hrefFor(item);
  try {
    const org = await organisationApi(item.id);
    if (org.teams.length === 1) return `/teams/${encodeURIComponent(org.teams[0]!.id)}`;
  } catch { /* fall back to the results page */ }
  return hrefFor(item);
}
