// Plain-text tables for bench output (copied into notes as they are).
export function printTable(rows: Record<string, string | number>[], write: (s: string) => void = console.log): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v ?? '');
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i]!)).join('  ');
  write(line(columns));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) write(line(columns.map((c) => cell(r[c]))));
}

/** Figures of several load runs, with each one's ratio to the first (the reference). */
export function ratioRows(figures: { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }[]) {
  const base = figures[0];
  return figures.map((f) => ({
    target: f.label, 'req/s': Math.round(f.rps), 'p50 ms': f.p50, 'p99 ms': f.p99, errors: f.errors, non2xx: f.non2xx,
    'req/s ratio': base ? f.rps / base.rps : 1, 'p99 ratio': base ? f.p99 / base.p99 : 1,
  }));
}

/** A bench's summary rows: printed as a table, and as one `BENCH_ROWS` line that `npm run bench` (bench/all.ts) collects. */
export type BenchRow = { bench: string; measure: string; value: number | string; note: string };
export function reportRows(rows: BenchRow[]): void {
  printTable(rows);
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
}
