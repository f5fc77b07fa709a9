// EXPLAIN (ANALYZE, BUFFERS) of a compiled query, and a summary of how each table was
// read, so a bench can say "index scans only" about the big tables, or which one was not.
import type { CompiledQuery, Kysely } from 'kysely';

export interface PlanSummary { text: string; executionMs: number; scans: { table: string; how: string }[]; seqScansOnBig: string[] }

export async function explain(db: Kysely<any>, query: CompiledQuery, bigTables: readonly string[]): Promise<PlanSummary> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}` } as CompiledQuery<{ 'QUERY PLAN': string }>);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  const scans = [...text.matchAll(/(Seq Scan|Parallel Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan) (?:using (\S+) )?on (\w+)/g)]
    .map((m) => ({ table: m[3]!, how: m[2] ? `${m[1]} (${m[2]})` : m[1]! }));
  const seqScansOnBig = [...new Set(scans.filter((s) => s.how.includes('Seq Scan') && bigTables.includes(s.table)).map((s) => s.table))];
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
  return { text, executionMs, scans, seqScansOnBig };
}

/** One line per distinct (table, access path), e.g. "teams: Bitmap Heap Scan ×4, Index Scan (teams_pkey) ×1". */
export function scanSummary(summary: PlanSummary, tables: readonly string[]): string[] {
  const byTable = new Map<string, Map<string, number>>();
  for (const s of summary.scans.filter((x) => tables.includes(x.table))) {
    const counts = byTable.get(s.table) ?? new Map<string, number>();
    counts.set(s.how, (counts.get(s.how) ?? 0) + 1);
    byTable.set(s.table, counts);
  }
  return [...byTable].map(([table, counts]) => `${table}: ${[...counts].map(([how, n]) => `${how} ×${n}`).join(', ')}`);
}
