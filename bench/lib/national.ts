// The national-scale data set in a PostgreSQL database, shared by the benchmarks and the
// seed-national CLI: migrate, load the taxonomy, generate, VACUUM ANALYZE.
// Flags: --buurten=13000 --teams=50000 --people=200000 --seed=1; --reuse keeps an existing database.
import { sql } from 'kysely';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { seedReference } from '../../seeds/index';
import { generateNational } from '../../seeds/national/index';
import { databaseExists, databaseUrl, freshDatabase } from './db';
import { printProgress } from './progress';

export const flag = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** Migrates the database at `url` and loads the national set into it. */
export async function loadNational(url: string): Promise<void> {
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
    const started = Date.now();
    await sql`VACUUM ANALYZE`.execute(database.db);
    console.log(`VACUUM ANALYZE ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

/** A database named `name` holding the national set: made afresh, or reused with --reuse. */
export async function prepareNational(name: string): Promise<string> {
  if (process.argv.includes('--reuse') && await databaseExists(name)) return databaseUrl(name);
  const url = await freshDatabase(name);
  await loadNational(url);
  return url;
}
