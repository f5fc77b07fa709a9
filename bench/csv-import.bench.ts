// npx tsx bench/csv-import.bench.ts [ROWS]: imports a generated people file of 50,000 rows
// (each with a team membership and topics) into a throwaway PostgreSQL database holding
// the demo wijk, with progress, then imports it again (must change nothing). Prints the
// wall time of each run; the target is under a minute for the first. Bounded: one run each.
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemo, seedReference } from '../seeds/index';
import { importCsv } from '../server/csv/csv.import';
import { toCsv } from '../server/http/csv-file';
import { adminQuery, freshDatabase } from './lib/db';

// The row count is the first plain argument: `npm run bench` passes its flags (--before=…, --reuse) on to every bench.
const ROWS = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 50_000);
const NAME = 'wijkweb_bench_csv';
const ADMIN = { kind: 'admin', accountId: '00000000-0000-4000-8000-00000000be0c', personId: null, teamIds: [], organisationIds: [] } as const;

const url = await freshDatabase(NAME);
const database = await createDatabase({ databaseUrl: url, poolSize: 2 });
try {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  await seedDemo(database.db);
  const teams = (await database.db.selectFrom('teams').select('id').execute()).map((t) => t.id);
  const topics = (await database.db.selectFrom('topics').select('key').execute()).map((t) => t.key);
  const header = ['extern_id', 'voornaam', 'achternaam', 'functie', 'talen', 'publiek_profiel', 'telefoon_werk', 'telefoon_werk_zichtbaarheid', 'email_werk', 'onderwerpen', 'teams'];
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `P${String(i).padStart(6, '0')}`, `Voornaam${i}`, `van Achternaam ${i % 977}`, 'wijkwerker', 'nl|en', i % 3 ? 'ja' : 'nee',
    `020 ${String(1_000_000 + i).slice(-7)}`, i % 2 ? 'publiek' : 'professionals', `p${i}@voorbeeld.nl`,
    `${topics[i % topics.length]}|${topics[(i * 7) % topics.length]}`, `${teams[i % teams.length]}:lid:${i % 10 ? 'nee' : 'ja'}:2024-01-01`,
  ]);
  const file = toCsv(header, rows);
  console.log(`generated ${ROWS} rows, ${(Buffer.byteLength(file) / 1e6).toFixed(1)} MB`);
  for (const run of ['first run', 'second run (same file)']) {
    const started = performance.now();
    const report = await importCsv(database.db, ADMIN, 'people', file, {
      dryRun: false, onProgress: (m) => console.log(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${m}`),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${run}: ${seconds.toFixed(1)} s — ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.errors.length} errors`);
  }
} finally {
  await database.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}
