// `npm run bench`: every benchmark once, quickly (--quick), one after another (never two at
// once: they would measure each other), then one table of their summary rows. With --full
// each runs its full rounds (min and median of 3 or more; the reads bench then also compares
// signed in and anonymous on the same people): the run the closing figures come from. A bench gives
// its rows as a `BENCH_ROWS [...]` line (bench/lib/table.ts reportRows); its full output is
// kept in a log file. The load average is written down before each bench.
// Usage: npm run bench [-- --full] [-- --only=startup,embedded] [-- any flag passed on to every bench, e.g. --before=DIR --reuse]
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable, type BenchRow } from './lib/table';

const DIR = new URL('.', import.meta.url).pathname;
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1]?.split(',');
const FULL = process.argv.includes('--full');
const passOn = process.argv.slice(2).filter((a) => !a.startsWith('--only=') && a !== '--full');
const benches = [...readdirSync(DIR).filter((f) => f.endsWith('.bench.ts')), 'startup.ts']
  .filter((f) => !only || only.some((o) => f.startsWith(o)));
const logFile = join(tmpdir(), `wijkweb-bench-${Date.now()}.log`);
const log = createWriteStream(logFile);

const rows: BenchRow[] = [];
for (const file of benches) {
  const name = file.replace(/(\.bench)?\.ts$/, '');
  const load = loadavg()[0]!.toFixed(2);
  process.stdout.write(`${name} (load ${load})… `);
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(DIR, file), ...(FULL ? [] : ['--quick']), ...passOn], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d; log.write(d); });
  child.stderr.on('data', (d: Buffer) => log.write(d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = Math.round((Date.now() - started) / 1000);
  const line = out.split('\n').reverse().find((l) => l.startsWith('BENCH_ROWS '));
  if (line) rows.push(...(JSON.parse(line.slice('BENCH_ROWS '.length)) as BenchRow[]));
  else rows.push({ bench: name, measure: code === 0 ? '(no summary rows: see the log)' : `failed (exit ${code}): see the log`, value: '', note: `load ${load}` });
  console.log(`${code === 0 ? 'done' : `exit ${code}`} in ${seconds} s`);
}
console.log('');
printTable(rows);
console.log(`\nfull output: ${logFile}`);
