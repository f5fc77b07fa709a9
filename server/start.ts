// Opening the database the configuration asks for, bringing it to the latest schema and,
// on an empty directory, loading the demo wijk. Shared by main.ts and the db scripts.
import path from 'node:path';
import { assertSafeForProduction, SettingsError, type Config } from './config';
import { createDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { assertMailConfig } from './mail/mail.transport';

export async function openDatabase(config: Config): Promise<Database> {
  // Refuse unsafe production settings before touching any data.
  assertSafeForProduction(config);
  assertMailConfig(config);
  if (config.DATABASE_URL) return createDatabase({ databaseUrl: config.DATABASE_URL });
  const dataDir = path.resolve(config.DATA_DIR);
  return createDatabase({ dataDir }).catch((error: NodeJS.ErrnoException) => {
    // A folder this user may not create or write is a setting to fix, not a broken database.
    if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(error.code ?? '')) {
      throw new SettingsError([`DATA_DIR=${JSON.stringify(config.DATA_DIR)} cannot be used (${error.code}: ${dataDir}): `
        + 'choose a folder this user may create and write, or give it that folder.']);
    }
    throw error;
  });
}

// The one place the running server reaches into seeds/ (loaded lazily: the demo wijk is large).
// The taxonomy every installation needs, and the demo wijk for `db:seed` and an empty start.
type Seeds = typeof import('../seeds/index');
const loadSeeds = (): Promise<Seeds> => import('../seeds/index');
export const seedReferenceData = async (...args: Parameters<Seeds['seedReference']>) => (await loadSeeds()).seedReference(...args);
export const seedDemoData = async (...args: Parameters<Seeds['seedDemo']>) => (await loadSeeds()).seedDemo(...args);

export async function prepareDatabase(database: Database, config: Config, log: (msg: string) => void): Promise<void> {
  assertSafeForProduction(config);
  const { isDirectoryEmpty, seedDemo, seedReference } = await loadSeeds();
  const applied = await migrateToLatest(database.db);
  for (const line of applied) log(`migration ${line}`);
  await seedReference(database.db);
  if (config.SEED_DEMO === 'auto' && (await isDirectoryEmpty(database.db))) {
    log('empty directory: loading the demo wijk');
    await seedDemo(database.db, { onProgress: (m) => log(`  demo ${m}`) });
  }
}
