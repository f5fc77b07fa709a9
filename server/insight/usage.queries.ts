// What residents looked for, read back from the weekly aggregates (usage.counter.ts): terms
// only when asked at least MIN_COUNT times in that week, lookups and topics per buurt, and the
// topics asked in a buurt that no shown team there helps with.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { teamVisibleTo } from '../domain/team-visibility';
import { buurtCodesUnder } from '../areas/areas.queries';
import { weekOf } from './usage.counter';
import type { Usage } from './insight.schemas';

/** A term is shown only when it was asked at least this often in one week (issue 17). */
export const MIN_COUNT = 5;
const LIMIT = 200;

export interface UsageRange { area?: string; from: string; to: string }

/** The default range: the last 12 weeks up to today. */
export function defaultRange(now: Date): { from: string; to: string } {
  const from = new Date(now.getTime() - 12 * 7 * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

export async function usageOf(db: Kysely<DB>, range: UsageRange): Promise<Usage> {
  // counted per week: the week a day falls in starts on its Monday
  const first = weekOf(new Date(`${range.from}T00:00:00Z`));
  const inRange = db.selectFrom('usage_counts as u').where('u.week', '>=', first).where('u.week', '<=', range.to);
  const areaCodes = range.area
    ? db.selectFrom('areas as a').select('a.code').where('a.code', '=', range.area).union(buurtCodesUnder(db, range.area))
    : undefined;
  const terms = (kind: 'term' | 'zero') => inRange.where('u.kind', '=', kind).where('u.count', '>=', MIN_COUNT)
    .select(['u.week', 'u.key as term', 'u.count']).orderBy('u.week', 'desc').orderBy('u.count', 'desc').orderBy('u.key').limit(LIMIT).execute();
  let topicRows = inRange.where('u.kind', '=', 'topic');
  let lookupRows = inRange.where('u.kind', '=', 'lookup');
  if (areaCodes) {
    topicRows = topicRows.where('u.area_code', 'in', areaCodes);
    lookupRows = lookupRows.where('u.area_code', 'in', areaCodes);
  }
  const [termList, zeroList, topics, lookups, unmet] = await Promise.all([
    terms('term'), terms('zero'),
    topicRows.select(['u.week', 'u.key as topic', 'u.area_code', 'u.count']).orderBy('u.week', 'desc').orderBy('u.count', 'desc').orderBy('u.key').limit(LIMIT).execute(),
    lookupRows.innerJoin('areas as a', 'a.code', 'u.area_code').select(['u.week', 'u.area_code', 'a.name', 'u.count'])
      .orderBy('u.week', 'desc').orderBy('u.count', 'desc').orderBy('a.name').limit(LIMIT).execute(),
    // topics asked for an area where no shown team serving it (any buurt under it) helps with them
    topicRows.innerJoin('areas as a', 'a.code', 'u.area_code')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('team_topics as tt')
        .innerJoin('teams as t', 't.id', 'tt.team_id').innerJoin('team_areas as ta', 'ta.team_id', 't.id')
        .select('tt.team_id').whereRef('tt.topic_key', '=', 'u.key').where(teamVisibleTo({ kind: 'anonymous' }))
        .where(sql<boolean>`(ta.area_code = u.area_code
          or ta.area_code in (select b.code from areas b where b.parent_code = u.area_code)
          or ta.area_code in (select b.code from areas b join areas w on w.code = b.parent_code where w.parent_code = u.area_code))`))))
      .groupBy(['u.key', 'u.area_code', 'a.name'])
      .select(['u.key as topic', 'u.area_code', 'a.name', sql<number>`sum(u.count)::int`.as('count')])
      .orderBy('count', 'desc').orderBy('u.key').limit(LIMIT).execute(),
  ]);
  return {
    from: range.from, to: range.to, area: range.area ?? null, min_count: MIN_COUNT,
    terms: termList.map((r) => ({ week: r.week, term: r.term, count: r.count })),
    zero_results: zeroList.map((r) => ({ week: r.week, term: r.term, count: r.count })),
    topics: topics.map((r) => ({ week: r.week, topic: r.topic, area: r.area_code || null, count: r.count })),
    lookups: lookups.map((r) => ({ week: r.week, area: r.area_code, name: r.name, count: r.count })),
    unmet_topics: unmet.map((r) => ({ topic: r.topic, area: r.area_code, name: r.name, count: Number(r.count) })),
  };
}
