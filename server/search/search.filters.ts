// The residents' filters (Nu open, Gratis, Zonder verwijzing, language, age, wheelchair) on top
// of the ranked search: a separate step after search.queries.ts, so the ranking SQL stays as it
// is. With a filter only teams are answered: the ranked teams (up to RANK_CAP) are kept when they
// match every filter, in rank order, each with why it matches; then paged.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { hasServiceFilters, matchTeams } from '../services/services.filters';
import type { ServiceFilters } from '../services/services.schemas';
import { RANK_CAP, search } from './search.queries';
import type { SearchQuery, SearchResult } from './search.schemas';

export async function searchWithFilters(db: Kysely<DB>, audience: Audience, query: SearchQuery & Partial<ServiceFilters>, now: Date): Promise<SearchResult> {
  if (!hasServiceFilters(query)) return search(db, audience, query);
  const ranked = await search(db, audience, { ...query, kind: ['team'], page: 1, per_page: RANK_CAP });
  const matches = await matchTeams(db, ranked.items.map((i) => i.id), query, now);
  const kept = ranked.items.filter((i) => matches.has(i.id)).map((i) => ({ ...i, matches: matches.get(i.id)! }));
  const start = (query.page - 1) * query.per_page;
  return { ...ranked, items: kept.slice(start, start + query.per_page), total: kept.length, page: query.page, per_page: query.per_page };
}
