// Opening the database the configuration asks for, bringing it to the latest schema and,
// on an empty directory, loading the demo wijk. Shared by main.ts and the db scripts.
import path from 'node:path';
import { assertSafeForProduction, type Config } from './config';
import { createDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { assertMailConfig } from './mail/mailer';
import { isDirectoryEmpty, seedDemo, seedReference } from '../seeds/index';

export async function openDatabase(config: Config): Promise<Database> {
  // Refuse unsafe production settings before touching any data.
  assertSafeForProduction(config);
  assertMailConfig(config);
  return config.DATABASE_URL
    ? createDatabase({ databaseUrl: config.DATABASE_URL })
    : createDatabase({ dataDir: path.resolve(config.DATA_DIR) });
}

export async function prepareDatabase(database: Database, config: Config, log: (msg: string) => void): Promise<void> {
  assertSafeForProduction(config);
  const applied = await migrateToLatest(database.db);
  for (const line of applied) log(`migration ${line}`);
  await seedReference(database.db);
  if (config.SEED_DEMO === 'auto' && (await isDirectoryEmpty(database.db))) {
    log('empty directory: loading the demo wijk');
    await seedDemo(database.db, { onProgress: (m) => log(`  demo ${m}`) });
  }
}
