// Drives an HTTP target with autocannon and reduces the result to the figures the notes
// compare: requests/s and latency percentiles, plus errors so a broken run is visible.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Paths tried in turn, one per request, so every target gets the same mix. */
  paths: readonly string[];
  seconds: number;
  connections?: number;
}
export interface LoadFigures { label: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number }

export async function runLoad(label: string, options: LoadOptions): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 10,
    duration: options.seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length]! }) }],
  });
  return {
    label, requests: result.requests.total, rps: result.requests.average,
    p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx,
  };
}

/** Runs each target in turn (a short warm-up first) with the same mix and duration. */
export async function compareTargets(targets: { label: string; url: string }[], options: Omit<LoadOptions, 'url'>, warmupSeconds = 3) {
  const figures: LoadFigures[] = [];
  for (const target of targets) {
    await runLoad(`${target.label} (warm-up)`, { ...options, url: target.url, seconds: warmupSeconds });
    figures.push(await runLoad(target.label, { ...options, url: target.url }));
  }
  return figures;
}
