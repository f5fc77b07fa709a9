// Loads the national benchmark data set into a PostgreSQL database:
//   npx tsx bench/seed-national.ts postgres://postgres@127.0.0.1:5432/wijkweb_national [--buurten=13000 --teams=50000 --people=200000 --seed=1]
// The database must exist; it is migrated, the taxonomy loaded, then the generated rows.
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedReference } from '../seeds/index';
import { generateNational } from '../seeds/national/index';
import { printProgress } from './lib/progress';

const url = process.argv[2];
if (!url?.startsWith('postgres')) {
  console.error('usage: npx tsx bench/seed-national.ts <postgres url> [--buurten=N --teams=N --people=N --seed=N]');
  process.exit(2);
}
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const database = await createDatabase({ databaseUrl: url, poolSize: 2 });
try {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  const summary = await generateNational(database.db, {
    buurten: flag('buurten', 13_000), teams: flag('teams', 50_000), people: flag('people', 200_000), seed: flag('seed', 1),
    onProgress: printProgress(),
  });
  console.log(`\nloaded ${summary.rows.toLocaleString('en')} rows (${summary.areas} areas, ${summary.organisations} organisations, `
    + `${summary.teams} teams, ${summary.people} people) in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
