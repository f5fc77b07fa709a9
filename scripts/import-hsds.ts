// npm run import:hsds -- FILE|DIR [FILE|DIR …]: loads HSDS 3.0 JSON (single records, paged
// lists, nested records or the tabular package; a folder: all its *.json files) into the
// configured database, in one transaction. Records keep their ids: running it twice
// updates instead of duplicating. Records that don't fit are reported and skipped.
import { readHsdsFiles } from '../server/hsds/hsds.files';
import { importHsds } from '../server/hsds/hsds.import';
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

const targets = process.argv.slice(2).filter((a) => a !== '--');
if (targets.length === 0) {
  console.error('Usage: npm run import:hsds -- FILE.json|DIR [FILE.json|DIR …]');
  process.exit(2);
}

let files: Awaited<ReturnType<typeof readHsdsFiles>>;
try {
  files = await readHsdsFiles(targets, (name) => console.log(`read ${name}`));
} catch (error) {
  console.error(`Could not read ${(error as Error).message}`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const report = await importHsds(database.db, files, { onProgress: (m) => console.log(`  ${m}`) });
  for (const s of report.skipped) console.warn(`  skipped ${s.kind} ${s.id}: ${s.reason}`);
  const c = (k: 'organizations' | 'services' | 'locations') => `${k} ${report[k].inserted} new, ${report[k].updated} changed, ${report[k].unchanged} unchanged`;
  console.log(`Imported in ${Math.round(performance.now() - started)} ms (${database.backend}): ${c('organizations')}; ${c('services')}; `
    + `${c('locations')}; ${report.service_areas.linked} service-area buurten; ${report.skipped.length} skipped.`);
} catch (error) {
  console.error(`Import failed, nothing was changed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
