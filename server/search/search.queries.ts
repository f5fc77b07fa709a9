// Search over teams, organisations, topics and (signed-in audiences only) people.
// Free functions, db first, no HTTP. The SQL itself is in search.sql.ts.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../db/types';
import { directoryState } from '../domain/directory-changes';
import type { Audience } from '../domain/audience';
import { presentPeople } from '../people/people.present';
import { crisisForQuery, crisisForTopic } from './search.crisis';
import { jargonTypes } from './search.vocabulary';
import type { SearchItem, SearchKind, SearchQuery, SearchResult } from './search.schemas';
import { rankedKinds, type SearchPlan, type SearchRow, searchStatement } from './search.sql';

/** Candidates gathered per branch and kind before ranking: bounds the cost of common words. */
export const RANK_CAP = 500;

const ALL_KINDS: readonly SearchKind[] = ['team', 'organisation', 'topic', 'person'];

// Text with no letter or digit (emoji, punctuation, "%_\\") cannot match a name or a
// word: answer it without a query.
const HAS_WORD = /[\p{L}\p{N}]/u;

export function searchPlan(query: SearchQuery, cap = RANK_CAP): SearchPlan {
  return {
    q: query.q, jargon: jargonTypes(query.q),
    kinds: new Set(query.kind?.length ? query.kind : ALL_KINDS),
    types: query.type, topics: query.topic, area: query.area,
    limit: query.per_page, offset: (query.page - 1) * query.per_page, cap,
  };
}

/** Shapes result rows (as search.sql.ts returns them) into the response: shared with the bench baseline. */
export function toSearchResult(rows: SearchRow[], page: number, perPage: number): SearchResult {
  const first = rows[0];
  const items: SearchItem[] = [];
  for (const r of rows) {
    if (r.kind === null || r.id === null || r.name === null) continue;
    const item: SearchItem = { kind: r.kind, id: r.id, name: r.name, score: r.score ?? 0 };
    if (r.team_type) item.team_type = r.team_type;
    if (r.organisation_id && r.organisation_name) item.organisation = { id: r.organisation_id, name: r.organisation_name };
    if (r.kind === 'person') item.job_title = r.job_title ?? '';
    // A team's way in and public number travel with it: the resident needs no second click.
    if (r.kind === 'team' && r.access) item.access = r.access as NonNullable<SearchItem['access']>;
    if (r.kind === 'team' && r.public_phone) item.public_phone = r.public_phone;
    items.push(item);
  }
  return { items, total: first ? Number(first.total) : 0, page, per_page: perPage, capped: first?.capped ?? false };
}

export async function search(db: Kysely<DB>, audience: Audience, query: SearchQuery): Promise<SearchResult> {
  // Danger first, for everyone, with or without results: decided from the words alone.
  const crisis = crisisForQuery(query.q) ?? query.topic?.map(crisisForTopic).find(Boolean);
  const withCrisis = (result: SearchResult): SearchResult => (crisis ? { ...result, crisis } : result);
  const plan = searchPlan(query);
  if (!HAS_WORD.test(plan.q) || rankedKinds(plan, audience).length === 0) {
    return withCrisis({ items: [], total: 0, page: query.page, per_page: query.per_page, capped: false });
  }
  // One read of the directory state keys both the ranking and the people (read before either).
  const state = await directoryState(db);
  const rows = await rankedRows(db, state, audience, query, plan);
  return withCrisis(await withPeople(db, audience, toSearchResult(rows, query.page, query.per_page), state));
}

// Ranked rows (ids, names, scores: no person fields, those come from presentPeople per
// request) cached per directory state (directoryState: change marker, date, staleness
// cut-offs). Exact: the statement reads only directory tables (each moves the marker,
// domain/directory-changes.ts), the query's own words and filters, the audience's kind
// (what it ranks: anonymous or signed in) and the cut-offs; all of them are in the key. A repeated search while
// nothing changed costs one primary-key read instead of a 25–90 ms ranking.
const rowCaches = new WeakMap<object, LRUCache<string, Promise<SearchRow[]>>>();

async function rankedRows(db: Kysely<DB>, state: string | undefined, audience: Audience, query: SearchQuery, plan: SearchPlan): Promise<SearchRow[]> {
  let cache = rowCaches.get(db);
  if (!cache) { cache = new LRUCache({ max: 2_000 }); rowCaches.set(db, cache); }
  const key = JSON.stringify([state ?? '0', audience.kind,
    query.q, query.kind ?? null, query.type ?? null, query.topic ?? null, query.area ?? null, query.page, query.per_page]);
  let hit = cache.get(key);
  if (!hit) {
    const c = cache;
    hit = searchStatement(db, audience, plan).execute(db).then((r) => r.rows);
    hit.catch(() => c.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

/** Person items get the person as presentPeople shapes them; name and title come from there. */
async function withPeople(db: Kysely<DB>, audience: Audience, result: SearchResult, state: string | undefined): Promise<SearchResult> {
  const ids = result.items.filter((i) => i.kind === 'person').map((i) => i.id);
  if (ids.length === 0) return result;
  const people = await presentPeople(db, audience, ids, { state });
  const items = result.items.flatMap((item) => {
    if (item.kind !== 'person') return [item];
    const person = people.get(item.id);
    // Ranked through personRowFilter, so always visible; should it not be, it is left out.
    return person ? [{ ...item, name: person.name, job_title: person.job_title, person }] : [];
  });
  return { ...result, items };
}
