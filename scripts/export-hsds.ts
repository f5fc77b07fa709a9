// npm run export:hsds -- DIR [--base-url=https://wijkweb.example]: writes the public
// directory as HSDS 3.0 files (the same records as /hsds): index.json, profile.md,
// organizations.json, services.json, service_at_locations.json, taxonomies.json, taxonomy_terms.json.
import { exportHsds } from '../server/hsds/hsds.export';
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dir = args.find((a) => !a.startsWith('--'));
const baseUrl = args.find((a) => a.startsWith('--base-url='))?.slice('--base-url='.length) ?? process.env.PUBLIC_URL ?? 'http://127.0.0.1:3000';
if (!dir) {
  console.error('Usage: npm run export:hsds -- DIR [--base-url=https://your.wijkweb]');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const counts = await exportHsds(database.db, dir, { baseUrl, onProgress: (m) => console.log(`  ${m}`) });
  console.log(`Exported to ${dir} in ${Math.round(performance.now() - started)} ms (${database.backend}): `
    + Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', '));
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
