// npm run import:csv -- KIND FILE [--dry-run]: imports organisations, locations, teams or
// people from a CSV file (server/csv/FORMAT.md) into the configured database, as an admin: whoever
// can run this already holds the database. All rows or none; --dry-run changes nothing.
// Exit code 0 when the file is clean, 1 when it has errors (all listed by row and column).
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';
import { seedReference } from '../seeds/index';
import { importCsv } from '../server/csv/csv.import';
import { KINDS, type KindName } from '../server/csv/csv.kind';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dryRun = args.includes('--dry-run');
const [kind, file] = args.filter((a) => !a.startsWith('--'));
if (!kind || !file || !(KINDS as readonly string[]).includes(kind)) {
  console.error(`Usage: npm run import:csv -- ${KINDS.join('|')} FILE.csv [--dry-run]`);
  process.exit(2);
}

let text: string;
try { text = await readFile(file, 'utf8'); } catch (error) {
  console.error(`Could not read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const database = await openDatabase(loadConfig());
try {
  await migrateToLatest(database.db);
  await seedReference(database.db); // team types and topics the rows refer to
  const started = performance.now();
  const report = await importCsv(database.db, { kind: 'admin', accountId: 'cli', personId: null, teamIds: [], organisationIds: [] },
    kind as KindName, text, { dryRun, actor: null, onProgress: (m) => console.log(`  ${m}`) });
  for (const e of report.errors) console.error(`  rij ${e.row}, kolom ${e.column || '-'}: ${e.message}`);
  const ms = Math.round(performance.now() - started);
  console.log(`${report.errors.length ? 'NOT imported' : dryRun ? 'Dry run' : 'Imported'} ${report.rows} rows of ${kind} in ${ms} ms (${database.backend}): `
    + `${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.errors.length} errors.`);
  console.log(JSON.stringify({ report, ms }));
  if (report.errors.length) process.exitCode = 1;
} catch (error) {
  console.error(`Import failed, nothing was changed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
