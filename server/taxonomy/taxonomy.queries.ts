import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { crisisForTopic } from '../search/search.crisis';

export async function listTopics(db: Kysely<DB>) {
  const topics = await db.selectFrom('topics as t')
    .select(['t.key', 't.label_nl', 't.label_en', 't.domain',
      sql<string[]>`coalesce((select array_agg(s.phrase order by s.phrase) from topic_synonyms s where s.topic_key = t.key and s.lang = 'nl'), '{}')`.as('synonyms')])
    .orderBy('t.sort_order').orderBy('t.key')
    .execute();
  return topics.map((topic) => {
    const crisis = crisisForTopic(topic.key);
    return crisis ? { ...topic, crisis } : topic;
  });
}

export async function listTeamTypes(db: Kysely<DB>) {
  return db.selectFrom('team_types')
    .select(['key', 'label_nl', 'label_en', 'framework', 'category', 'short_nl', 'short_en', 'plain_nl', 'plain_en'])
    .orderBy('sort_order').orderBy('key')
    .execute();
}
