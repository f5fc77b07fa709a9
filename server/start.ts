// Opening the database the configuration asks for, bringing it to the latest schema and,
// on an empty directory, loading the demo wijk. Shared by main.ts and the db scripts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertSafeForProduction, SettingsError, type Config } from './config';
import { createDatabase, type Database } from './db/database';
import { acquireDirLock } from './db/dir-lock';
import { holdsDatabase, type OpenedFolder } from './db/pglite-folder';
import { migrateToLatest } from './db/migrate';
import { assertMailConfig } from './mail/mail.transport';

export async function openDatabase(config: Config, opened?: Promise<OpenedFolder>): Promise<Database> {
  // Refuse unsafe production settings before touching any data.
  assertSafeForProduction(config);
  assertMailConfig(config);
  if (config.DATABASE_URL) return createDatabase({ databaseUrl: config.DATABASE_URL });
  return createDatabase({ dataDir: path.resolve(config.DATA_DIR), ...(opened ? { opened } : {}) }).catch((error: NodeJS.ErrnoException) => {
    throw asSettingsError(error, config);
  });
}

/** A folder this user may not create or write is a setting to fix, not a broken database. */
function asSettingsError(error: NodeJS.ErrnoException, config: Config): Error {
  if (!['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(error.code ?? '')) return error;
  return new SettingsError([`DATA_DIR=${JSON.stringify(config.DATA_DIR)} cannot be used (${error.code}: ${path.resolve(config.DATA_DIR)}): `
    + 'choose a folder this user may create and write, or give it that folder.']);
}

// The one place the running server reaches into seeds/ (loaded lazily: the demo wijk is large).
// The taxonomy every installation needs, and the demo wijk for `db:seed` and an empty start.
type Seeds = typeof import('../seeds/index');
const loadSeeds = (): Promise<Seeds> => import('../seeds/index');
export const seedReferenceData = async (...args: Parameters<Seeds['seedReference']>) => (await loadSeeds()).seedReference(...args);
export const seedDemoData = async (...args: Parameters<Seeds['seedDemo']>) => (await loadSeeds()).seedDemo(...args);

export async function prepareDatabase(database: Database, config: Config, log: (msg: string) => void): Promise<void> {
  if (await prepareSchema(database, config, log)) {
    log('empty directory: loading the demo wijk');
    await seedDemoData(database.db, { onProgress: (m) => log(`  demo ${m}`) });
  }
}

/** The latest schema and the taxonomy; true when the settings ask for the demo wijk and the directory is empty. */
async function prepareSchema(database: Database, config: Config, log: (msg: string) => void): Promise<boolean> {
  assertSafeForProduction(config);
  const { isDirectoryEmpty, seedReference } = await loadSeeds();
  const applied = await migrateToLatest(database.db);
  for (const line of applied) log(`migration ${line}`);
  await seedReference(database.db);
  return config.SEED_DEMO === 'auto' && (await isDirectoryEmpty(database.db));
}

/**
 * The server's database, opened and prepared. A demo that has to be loaded is loaded by
 * `wijkweb db:seed` in a process of its own: what that takes (the demo's modules, the heap of
 * building its rows and, on the embedded database, WebAssembly memory grown by creating the
 * cluster, migrating and a thousand inserts, which a worker does not give back) goes with
 * that process instead of staying with the server for as long as it runs. A new data folder
 * is therefore created by that process too, before the server opens it. The embedded
 * database's folder belongs to one process at a time: in the rarer case of an existing but
 * empty directory, the server lets go of it meanwhile and opens it again. `opened`: the
 * folder, when main.ts began opening it already (an existing one, never a new one).
 */
export async function openServerDatabase(config: Config, log: (msg: string) => void, opened?: Promise<OpenedFolder>): Promise<Database> {
  if (config.SEED_DEMO === 'auto' && !config.DATABASE_URL && !holdsDatabase(path.resolve(config.DATA_DIR))) {
    assertSafeForProduction(config);
    // What opening would refuse (a folder that cannot be written, another server on it) is
    // said here, as the start always says it, rather than as a failed demo.
    const probe = await acquireDirLock(config.DATA_DIR).catch((error: NodeJS.ErrnoException) => { throw asSettingsError(error, config); });
    await probe.release();
    log('new data folder: creating the database and loading the demo wijk (in a process of its own)');
    await seedDemoApart(log);
  }
  let database = await openDatabase(config, opened);
  try {
    if (!(await prepareSchema(database, config, log))) return database;
    log('empty directory: loading the demo wijk (in a process of its own)');
    if (database.backend === 'pglite') await database.close();
    await seedDemoApart(log);
    if (database.backend === 'pglite') database = await openDatabase(config);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `wijkweb db:seed` with the server's settings, its progress in the server's log. */
async function seedDemoApart(log: (msg: string) => void): Promise<void> {
  // The sources run through tsx (its loader by path: the working folder may be elsewhere),
  // the compiled server beside its compiled command line.
  const fromSources = import.meta.url.endsWith('.ts');
  const cli = fileURLToPath(new URL(`../scripts/wijkweb.${fromSources ? 'ts' : 'js'}`, import.meta.url));
  const loader = fromSources ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  const child = spawn(process.execPath, [...loader, cli, 'db:seed'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = (stream: NodeJS.ReadableStream, each: (line: string) => void) => {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', each);
  };
  const errors: string[] = [];
  lines(child.stdout!, (line) => log(`  ${line}`));
  lines(child.stderr!, (line) => { errors.push(line); });
  const [code] = await once(child, 'close') as [number | null]; // exited, and all it wrote read
  if (code !== 0) throw new Error(`the demo wijk could not be loaded: ${errors.join(' ').trim() || `db:seed ended with ${code}`}`);
}
