// npm run import:areas -- FILE [FILE…]: loads CBS wijk- en buurtkaart GeoJSON (gemeente,
// wijk and buurt files, in any order) into the configured database. Safe to run twice:
// unchanged areas are left alone. Boundaries: "Kadaster / Centraal Bureau voor de Statistiek".
import { readFile } from 'node:fs/promises';
import { importAreas } from '../server/areas/areas.import';
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('Usage: npm run import:areas -- FILE.geojson [FILE.geojson …]');
  process.exit(2);
}

const collections = [];
for (const file of files) {
  try {
    collections.push(JSON.parse(await readFile(file, 'utf8')));
    console.log(`read ${file}`);
  } catch (error) {
    console.error(`Could not read ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const report = await importAreas(database.db, collections, { onProgress: (m) => console.log(`  ${m}`) });
  for (const s of report.skipped) console.warn(`  skipped ${s.code ?? '(no code)'}: ${s.reason}`);
  console.log(`Imported ${report.read} features in ${Math.round(performance.now() - started)} ms (${database.backend}): `
    + `${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`);
} catch (error) {
  console.error(`Import failed, nothing was changed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
