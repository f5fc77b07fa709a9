// The first half of the search statement: q in its forms (bound once), and how strongly
// q names each help topic and team type, through lay synonyms, labels, shorthand and
// typos. These CTEs read only small reference tables (~500 phrases).
import { sql } from 'kysely';
import { FOCUS_PAIRS, type JargonHit } from './search.vocabulary';

export const INPUT = (q: string, jargon: JargonHit[]) => sql`
input AS (
  SELECT x.raw, x.qn, x.q_all,
    nullif(replace(replace(x.q_all::text, ' & ', ' | '), ' <-> ', ' | '), '')::tsquery AS q_any,
    x.q_vec, tsvector_to_array(x.q_vec) AS q_lex,
    -- words for typo matching: not stop words ("niet" would match every phrase with "niet")
    array(SELECT w FROM unnest(regexp_split_to_array(x.qn, '[^[:alnum:]]+')) AS w
          WHERE length(w) >= 4 AND to_tsvector('dutch', w) <> ''::tsvector LIMIT 16) AS words,
    ${jargon.map((j) => j.type)}::text[] AS jargon, ${jargon.map((j) => j.strength)}::float8[] AS jargon_strength
  FROM (SELECT r.raw, wijkweb_norm(r.raw) AS qn,
          plainto_tsquery('dutch', wijkweb_unaccent(r.raw)) AS q_all,
          to_tsvector('dutch', wijkweb_unaccent(r.raw)) AS q_vec
        FROM (SELECT ${q}::text AS raw) r) x
)`;

// How strongly q names a phrase: 1+ when every word of the phrase is in q (stemmed), else
// the share of its words in q, else the trigram likeness of a query word to a word of the
// phrase (typos), shared over the phrase's words, else the likeness of the whole q.
export const PHRASES = sql`
label_parts AS (
  -- labels in comparable form; unaccent called directly (not through the wrapper) so the
  -- dictionary is resolved once per query, not once per row
  SELECT 'topic' AS kind, key, lower(public.unaccent('public.unaccent'::regdictionary, label_nl)) AS part FROM topics
  UNION ALL
  -- unnest(array) rather than regexp_split_to_table: the planner guesses 10 rows, not 1,000,
  -- which keeps the cost estimate (and PostgreSQL's JIT threshold) where it belongs
  SELECT 'type', key, trim(p) FROM team_types,
    unnest(regexp_split_to_array(lower(public.unaccent('public.unaccent'::regdictionary, label_nl)), '[/()]')) AS p
  WHERE trim(p) <> ''
),
phrases AS (
  SELECT 'topic' AS kind, s.topic_key AS key, s.search_vector AS vec, s.phrase_query AS pq, s.phrase_norm AS pn
  FROM topic_synonyms s
  UNION ALL
  SELECT l.kind, l.key, to_tsvector('dutch', l.part), plainto_tsquery('dutch', l.part), l.part
  FROM label_parts l
),
phrase_hits AS (
  SELECT p.kind, p.key, greatest(
      CASE WHEN numnode(p.pq) > 0 AND i.q_vec @@ p.pq THEN 1 + 0.05 * length(p.vec) ELSE 0 END,
      0.8 * (SELECT count(*) FROM unnest(tsvector_to_array(p.vec)) AS l WHERE l = ANY (i.q_lex)) / greatest(length(p.vec), 1),
      coalesce((SELECT 0.8 * max(strict_word_similarity(w, p.pn)) / greatest(length(p.vec), 1) FROM unnest(i.words) AS w
                HAVING max(strict_word_similarity(w, p.pn)) >= 0.6), 0),
      CASE WHEN similarity(i.qn, p.pn) >= 0.6 THEN 0.9 * similarity(i.qn, p.pn) ELSE 0 END
    ) AS strength
  FROM phrases p CROSS JOIN input i
),
focus AS (SELECT * FROM unnest(${FOCUS_PAIRS[0]}::text[], ${FOCUS_PAIRS[1]}::text[]) AS f(team_type, topic_key)),
topic_hits AS (
  SELECT key AS topic_key, max(strength) AS strength FROM phrase_hits WHERE kind = 'topic' GROUP BY key HAVING max(strength) >= 0.3
),
type_hits AS (
  SELECT key AS team_type, max(strength) AS strength FROM (
    SELECT key, strength FROM phrase_hits WHERE kind = 'type'
    UNION ALL SELECT j.key, j.strength FROM input, unnest(jargon, jargon_strength) AS j(key, strength)
  ) h GROUP BY key HAVING max(strength) >= 0.3
)`;
