// Progress lines for long loads: at most one per second, percent and rows/s.
import type { NationalProgress } from '../../seeds/national/index';

export function printProgress(write: (line: string) => void = (line) => process.stdout.write(line)) {
  let last = 0;
  return (p: NationalProgress) => {
    if (p.elapsedMs - last < 1_000 && p.percent < 100) return;
    last = p.elapsedMs;
    write(`\r${p.phase.padEnd(14)} ${p.percent.toFixed(1).padStart(5)}%  ${p.rows.toLocaleString('en').padStart(10)} rows  `
      + `${p.rowsPerSecond.toLocaleString('en').padStart(7)} rows/s  ${(p.elapsedMs / 1000).toFixed(0)} s   `);
  };
}
