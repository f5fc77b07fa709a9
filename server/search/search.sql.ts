// The search statement, as one SQL query. Kept apart from search.queries.ts so the bench
// can compile it once and replay the very same text over bare `pg`.
//
// Shape: `input` turns q into its forms once (q is bound exactly once). `phrases` scores
// every lay synonym, topic label and team-type label against q (small tables, ~500 rows).
// Each kind then gathers candidates through indexed branches, each capped at `cap` rows,
// so the ranking cost is bounded however common a word is. Only candidates are scored.
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/types';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { buurtCodesUnder } from '../areas/areas.queries';
import { isCurrentMembership } from '../domain/membership';
import { personRowFilter } from '../people/people.visibility';
import type { SearchKind } from './search.schemas';
import { INPUT, PHRASES } from './search.phrases';
import type { JargonHit } from './search.vocabulary';
import { teamVisibleTo } from '../domain/team-visibility';

export interface SearchPlan {
  q: string;
  /** Team types named by professional shorthand in q (search.vocabulary.ts). */
  jargon: JargonHit[];
  kinds: ReadonlySet<SearchKind>;
  types?: string[] | undefined;
  topics?: string[] | undefined;
  area?: string | undefined;
  limit: number;
  offset: number;
  /** Candidates per branch and kind: the ranking cap. */
  cap: number;
}

// Weights. Exact name beats everything; a team's topic/type match (up to ~2.5 × 10)
// beats text relevance (a few points), which orders the rest.
const EXACT = 100;
const MATCH = 10;
const STRONG = 0.5; // phrase strength from which a topic or type pulls in its teams

/**
 * Branches of candidate ids for a table with a name, a search_vector and a trigram index.
 * q's forms come in as scalar subqueries (InitPlan parameters), so each branch is a plain
 * indexed scan of one table rather than a join the planner might turn into a seq scan.
 */
function textBranches(table: 'teams' | 'organisations', columns: RawBuilder<unknown>, filter: RawBuilder<unknown>, cap: number) {
  const t = sql.table(table);
  return [
    sql`(SELECT ${columns} FROM ${t} c WHERE c.name_norm = (SELECT qn FROM input) AND ${filter} LIMIT ${cap})`,
    sql`(SELECT ${columns} FROM ${t} c WHERE c.search_vector @@ (SELECT q_all FROM input) AND ${filter} LIMIT ${cap})`,
    sql`(SELECT ${columns} FROM ${t} c WHERE c.search_vector @@ (SELECT q_any FROM input) AND ${filter} LIMIT ${cap})`,
    sql`(SELECT ${columns} FROM ${t} c WHERE (SELECT qn FROM input) <% c.name_norm AND ${filter} LIMIT ${cap})`,
  ];
}

// Candidates carry the columns scoring needs, so they are never joined back to their
// (large) table: the branches' rows are merged and de-duplicated by id.
const candidates = (branches: RawBuilder<unknown>[]) =>
  sql`SELECT DISTINCT ON (id) * FROM (${sql.join(branches, sql` UNION ALL `)}) b`;
const TEAM_COLUMNS = sql`c.id, c.name, c.name_norm, c.team_type, c.organisation_id, c.search_vector, c.access, c.public_phone`;
const ORG_COLUMNS = sql`c.id, c.name, c.name_norm, c.search_vector`;

/** Text relevance of a candidate row `c`: rank over any word, a bonus when all words match, name likeness. */
const TEXT_SCORE = sql`(5 * coalesce(ts_rank(c.search_vector, i.q_any), 0)
  + CASE WHEN c.search_vector @@ i.q_all THEN 1 ELSE 0 END
  + 3 * word_similarity(i.qn, c.name_norm)
  + CASE WHEN c.name_norm = i.qn THEN ${EXACT} ELSE 0 END)`;

function teamFilter(plan: SearchPlan, audience: Audience) {
  const parts: RawBuilder<unknown>[] = [teamVisibleTo(audience, 'c')];
  if (plan.types?.length) parts.push(sql`c.team_type = ANY (${plan.types}::text[])`);
  if (plan.topics?.length) parts.push(sql`EXISTS (SELECT 1 FROM team_topics f WHERE f.team_id = c.id AND f.topic_key = ANY (${plan.topics}::text[]))`);
  if (plan.area) parts.push(sql`c.id = ANY ((SELECT teams FROM area_teams)::uuid[])`);
  return sql.join(parts, sql` AND `);
}

function teamRows(plan: SearchPlan, audience: Audience) {
  const filter = teamFilter(plan, audience);
  const branches = [
    ...textBranches('teams', TEAM_COLUMNS, filter, plan.cap),
    sql`(SELECT ${TEAM_COLUMNS} FROM team_topics tt JOIN teams c ON c.id = tt.team_id
          WHERE tt.topic_key IN (SELECT topic_key FROM topic_hits WHERE strength >= ${STRONG}) AND ${filter} LIMIT ${plan.cap})`,
    sql`(SELECT ${TEAM_COLUMNS} FROM teams c WHERE c.team_type IN (SELECT team_type FROM type_hits WHERE strength >= ${STRONG}) AND ${filter} LIMIT ${plan.cap})`,
  ];
  // A topic that is the speciality of the team's type (TYPE_FOCUS) counts fully; any other
  // topic of the team counts less, and less still the more topics the team lists.
  return sql`
team_ids AS (${candidates(branches)}),
team_rows AS (
  SELECT 'team' AS kind, c.id::text AS id, c.name, c.team_type, c.organisation_id::text AS organisation_id,
    (SELECT o.name FROM organisations o WHERE o.id = c.organisation_id) AS organisation_name,
    NULL::text AS job_title, c.access::text AS access, c.public_phone,
    ${TEXT_SCORE} + ${MATCH} * (coalesce(ty.strength, 0)
      + greatest(coalesce(tp.focus, 0), coalesce(0.7 * tp.other / sqrt(greatest(tp.n, 1)), 0))) AS score
  FROM team_ids c CROSS JOIN input i
  LEFT JOIN type_hits ty ON ty.team_type = c.team_type
  LEFT JOIN LATERAL (
    SELECT max(h.strength) FILTER (WHERE f.topic_key IS NOT NULL) AS focus, max(h.strength) AS other, count(*) AS n
    FROM team_topics tt LEFT JOIN topic_hits h ON h.topic_key = tt.topic_key
    LEFT JOIN focus f ON f.team_type = c.team_type AND f.topic_key = tt.topic_key
    WHERE tt.team_id = c.id
  ) tp ON true
)`;
}

function organisationRows(plan: SearchPlan) {
  const parts = [sql`c.archived_at IS NULL`];
  if (plan.area) {
    parts.push(sql`c.id = ANY ((SELECT organisations FROM area_teams)::uuid[])`);
  }
  const filter = sql.join(parts, sql` AND `);
  return sql`
org_ids AS (${candidates(textBranches('organisations', ORG_COLUMNS, filter, plan.cap))}),
org_rows AS (
  SELECT 'organisation' AS kind, c.id::text AS id, c.name, NULL::text AS team_type, NULL::text AS organisation_id,
    NULL::text AS organisation_name, NULL::text AS job_title, NULL::text AS access, NULL::text AS public_phone, ${TEXT_SCORE} AS score
  FROM org_ids c CROSS JOIN input i
)`;
}

const TOPIC_ROWS = (plan: SearchPlan) => sql`
topic_rows AS (
  SELECT 'topic' AS kind, t.key AS id, t.label_nl AS name, NULL::text AS team_type, NULL::text AS organisation_id,
    NULL::text AS organisation_name, NULL::text AS job_title, NULL::text AS access, NULL::text AS public_phone, ${MATCH} * h.strength AS score
  FROM topic_hits h JOIN topics t ON t.key = h.topic_key
  WHERE h.strength >= ${STRONG} ${plan.topics?.length ? sql`AND t.key = ANY (${plan.topics}::text[])` : sql``}
)`;

// People: only for signed-in audiences, and only rows the visibility module admits. The
// columns read here only rank; the person in the result is shaped by presentPeople
// (search.queries.ts), like every person that leaves the server.
function personRows(db: Kysely<DB>, audience: Audience, plan: SearchPlan) {
  const filtered = (condition: RawBuilder<SqlBool>) => {
    let query = db.selectFrom('people as p').where(personRowFilter(audience)).where(condition)
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.job_title',
        sql<string>`p.search_vector`.as('search_vector'), sql<string>`p.name_norm`.as('name_norm')]);
    if (plan.types?.length || plan.topics?.length || plan.area) {
      query = query.where(sql<SqlBool>`EXISTS (SELECT 1 FROM memberships m JOIN teams c ON c.id = m.team_id
        WHERE m.person_id = p.id AND ${isCurrentMembership('m')} AND ${teamFilter(plan, audience)})`);
    }
    return sql`(${query.limit(plan.cap)})`;
  };
  const name = sql`p.name_norm`;
  const branches = [
    filtered(sql<SqlBool>`${name} = (SELECT qn FROM input)`),
    filtered(sql<SqlBool>`p.search_vector @@ (SELECT q_all FROM input)`),
    filtered(sql<SqlBool>`p.search_vector @@ (SELECT q_any FROM input)`),
    filtered(sql<SqlBool>`(SELECT qn FROM input) <% ${name}`),
    filtered(sql<SqlBool>`p.id IN (SELECT pt.person_id FROM person_topics pt
      WHERE pt.topic_key IN (SELECT topic_key FROM topic_hits WHERE strength >= ${STRONG}))`),
  ];
  return sql`
person_ids AS (${candidates(branches)}),
person_rows AS (
  SELECT 'person' AS kind, p.id::text AS id, p.given_name || ' ' || p.family_name AS name, NULL::text AS team_type,
    NULL::text AS organisation_id, NULL::text AS organisation_name, p.job_title, NULL::text AS access, NULL::text AS public_phone,
    5 * coalesce(ts_rank(p.search_vector, i.q_any), 0) + CASE WHEN p.search_vector @@ i.q_all THEN 1 ELSE 0 END
      + 3 * word_similarity(i.qn, ${name}) + CASE WHEN ${name} = i.qn THEN ${EXACT} ELSE 0 END
      + ${MATCH / 2} * coalesce((SELECT max(h.strength) FROM person_topics pt JOIN topic_hits h ON h.topic_key = pt.topic_key
                                 WHERE pt.person_id = p.id), 0) AS score
  FROM person_ids p CROSS JOIN input i
)`;
}

/** Which kinds this plan ranks: filters that only describe teams leave the other kinds out. */
export function rankedKinds(plan: SearchPlan, audience: Audience): SearchKind[] {
  const teamOnly = Boolean(plan.types?.length);
  const kinds: SearchKind[] = [];
  if (plan.kinds.has('team')) kinds.push('team');
  if (plan.kinds.has('organisation') && !teamOnly && !plan.topics?.length) kinds.push('organisation');
  if (plan.kinds.has('topic') && !teamOnly && !plan.area) kinds.push('topic');
  if (plan.kinds.has('person') && !seesPublicOnly(audience)) kinds.push('person');
  return kinds;
}

export interface SearchRow {
  total: string; capped: boolean; kind: SearchKind | null; id: string | null; name: string | null;
  team_type: string | null; organisation_id: string | null; organisation_name: string | null;
  job_title: string | null; access: string | null; public_phone: string | null; score: number | null;
}

/** The whole statement: one row per result on the page, each carrying total and capped (one row of nulls when the page is empty). */
export function searchStatement(db: Kysely<DB>, audience: Audience, plan: SearchPlan): RawBuilder<SearchRow> {
  const kinds = rankedKinds(plan, audience);
  const ctes: RawBuilder<unknown>[] = [INPUT(plan.q, plan.jargon)];
  // An area is a few hundred teams at most: gather their ids first, so each branch tests
  // membership of an array (an index lookup) instead of probing team_areas per text match.
  if (plan.area) {
    ctes.push(sql`area_teams AS (
      SELECT array_agg(DISTINCT t.id) AS teams, array_agg(DISTINCT t.organisation_id) AS organisations
      FROM team_areas f JOIN teams t ON t.id = f.team_id
      WHERE f.area_code = ANY (ARRAY(${buurtCodesUnder(db, plan.area)})) AND ${teamVisibleTo(audience, 't')})`);
  }
  ctes.push(PHRASES);
  const sources: { rows: string; ids?: string }[] = [];
  if (kinds.includes('team')) { ctes.push(teamRows(plan, audience)); sources.push({ rows: 'team_rows', ids: 'team_ids' }); }
  if (kinds.includes('organisation')) { ctes.push(organisationRows(plan)); sources.push({ rows: 'org_rows', ids: 'org_ids' }); }
  if (kinds.includes('topic')) { ctes.push(TOPIC_ROWS(plan)); sources.push({ rows: 'topic_rows' }); }
  if (kinds.includes('person')) { ctes.push(personRows(db, audience, plan)); sources.push({ rows: 'person_rows', ids: 'person_ids' }); }
  // search.queries.ts answers an empty plan without asking the database.
  if (sources.length === 0) throw new Error('searchStatement: no kind to rank');
  const all = sql.join(sources.map((s) => sql`SELECT * FROM ${sql.table(s.rows)}`), sql` UNION ALL `);
  const capped = sources.filter((s) => s.ids).map((s) => sql`(SELECT count(*) FROM ${sql.table(s.ids!)}) >= ${plan.cap}`);
  return sql<SearchRow>`
WITH ${sql.join(ctes, sql`,`)},
all_rows AS (${all})
SELECT n.total, ${capped.length ? sql.join(capped, sql` OR `) : sql`false`} AS capped, r.*
FROM (SELECT count(*) AS total FROM all_rows) n
LEFT JOIN LATERAL (
  SELECT kind, id, name, team_type, organisation_id, organisation_name, job_title, access, public_phone, round(score::numeric, 4)::float8 AS score
  FROM all_rows ORDER BY score DESC, name, id LIMIT ${plan.limit} OFFSET ${plan.offset}
) r ON true`;
}

