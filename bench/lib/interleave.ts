// Interleaved load rounds: every target runs once per round, in turn, every other round in reverse (A,B then B,A), so a
// busy machine slows all of them alike; each round records the load average. Reported
// per target: min and median answered (2xx) req/s over the rounds, p99, and the median of the per-round
// ratio to a reference target (ratios from the same round are what to compare).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';

export interface Target { label: string; url: string; paths: readonly string[]; headers?: Record<string, string> }
export interface RoundFigure { label: string; round: number; rps: number; p99: number; errors: number; non2xx: number; load1: number; statuses: string }

export async function load(target: Target, seconds: number, connections: number): Promise<Omit<RoundFigure, 'round' | 'load1'>> {
  let next = 0;
  const result = await autocannon({
    url: target.url, connections, duration: seconds, headers: target.headers ?? {},
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length]! }) }],
  });
  // Only answered requests count (2xx; a 304 would count as answered too): a shed 503 or a
  // 429 is cheap and must not pass for throughput.
  const ok = result['2xx'] + (result.statusCodeStats?.['304']?.count ?? 0);
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count}`).join(' ');
  return { label: target.label, rps: ok / seconds, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, statuses };
}

export interface RoundsOptions {
  seconds: number; connections: number; rounds: number; warmupSeconds?: number;
  /** Waits until the work a target left behind is done (autocannon stops sending, not the server working), before the next one starts. */
  settle?: () => Promise<void>;
}

/** Warms every target up once, then runs `rounds` rounds of all targets in turn. */
export async function interleaved(targets: Target[], options: RoundsOptions, log: (line: string) => void = console.log): Promise<RoundFigure[]> {
  for (const t of targets) await load(t, options.warmupSeconds ?? 1, options.connections);
  const figures: RoundFigure[] = [];
  let previous = targets.at(-1)?.url; // the warm-up above ended there
  for (let round = 1; round <= options.rounds; round++) {
    // Every other round in reverse (A,B then B,A): a machine that slows or speeds up over the
    // run would otherwise always favour the target that comes first in a round.
    for (const t of round % 2 ? targets : [...targets].reverse()) {
      await options.settle?.();
      // The first seconds on a server after another one ran are slower (in the reads bench two
      // databases share PostgreSQL's buffers, and the first target after a switch re-reads its
      // pages): measured unwarmed, the target that follows a switch lost 15–25% in every round
      // it came first. So a switch gets its own unmeasured warm-up.
      if (previous !== t.url) await load(t, options.warmupSeconds ?? 1, options.connections);
      previous = t.url;
      const load1 = loadavg()[0]!;
      const f = await load(t, options.seconds, options.connections);
      figures.push({ ...f, round, load1 });
      log(`  round ${round}  ${t.label.padEnd(34)} ${Math.round(f.rps).toString().padStart(6)} req/s  p99 ${f.p99} ms  load ${load1.toFixed(2)}${f.errors + f.non2xx ? `  errors ${f.errors}, statuses ${f.statuses}` : ''}`);
    }
  }
  return figures;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** One row per target: min/median req/s, median p99, median per-round ratio to `reference(label)`. */
export function summarise(figures: RoundFigure[], reference: (label: string) => string | undefined) {
  const labels = [...new Set(figures.map((f) => f.label))];
  return labels.map((label) => {
    const mine = figures.filter((f) => f.label === label);
    const ref = reference(label);
    const ratios = ref === undefined ? [] : mine.flatMap((f) => {
      const other = figures.find((g) => g.label === ref && g.round === f.round);
      return other ? [f.rps / other.rps] : [];
    });
    return {
      target: label, rounds: mine.length, 'min req/s': Math.round(Math.min(...mine.map((f) => f.rps))),
      'median req/s': Math.round(median(mine.map((f) => f.rps))), 'p99 ms': median(mine.map((f) => f.p99)),
      'ratio (median)': ratios.length ? `${median(ratios).toFixed(2)} vs ${ref}` : '',
      'load avg': median(mine.map((f) => f.load1)).toFixed(2),
      errors: mine.reduce((n, f) => n + f.errors + f.non2xx, 0),
    };
  });
}
