// db:restore FILE [--force] (through scripts/wijkweb.ts): puts a backup made by db:backup into DATA_DIR.
// Refuses while a server runs there, and refuses a non-empty folder unless --force, which
// moves the old folder aside (DATA_DIR.before-restore-<time>) instead of deleting it.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, SettingsError, type Config } from '../server/config';
import { PGLITE_EXTENSIONS } from '../server/db/database';
import { acquireDirLock, DataDirLockedError, isLockEntry } from '../server/db/dir-lock';
import { pendingMigrations } from '../server/db/migrate';
import { createDatabase } from '../server/db/database';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('-'));
if (!file) fail('Usage: npm run db:restore -- FILE [--force]', 2);
let config: Config;
try { config = loadConfig(); } catch (error) {
  if (error instanceof SettingsError) fail(`Fix these settings first:\n${error.lines.map((l) => `  ${l}`).join('\n')}`);
  throw error;
}
if (config.DATABASE_URL) {
  fail('DATABASE_URL points at PostgreSQL: restore a pg_dump file with\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" wijkweb.dump', 2);
}
if (!existsSync(file)) fail(`No such file: ${file}`);
const dataDir = path.resolve(config.DATA_DIR);

// The lock first: never move or fill a folder a running server uses.
const lock = await acquireDirLock(dataDir).catch((error: Error) => fail(error instanceof DataDirLockedError
  ? `${error.message}\nStop that server before restoring into ${dataDir}.` : error.message));
const contents = readdirSync(dataDir).filter((name) => !isLockEntry(name));
if (contents.length > 0) {
  if (!force) {
    await lock.release();
    fail(`${dataDir} is not empty. Restore into an empty DATA_DIR, or add --force to move the current one aside first.`);
  }
  await lock.release();
  const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(dataDir, aside);
  console.log(`The current ${dataDir} moved to ${aside}.`);
  await acquireDirLock(dataDir).then((l) => l.release()); // recreates the folder
} else {
  await lock.release();
}

const tarball = new Blob([await readFile(file)]);
const pglite = await PGlite.create(dataDir, { loadDataDir: tarball, extensions: PGLITE_EXTENSIONS });
await pglite.close();
// The tarball holds the lock entries of the process that made it; that process is not ours.
for (const name of readdirSync(dataDir).filter(isLockEntry)) await rm(path.join(dataDir, name), { recursive: true, force: true });
// Open it the way the server does and say what it holds.
const database = await createDatabase({ dataDir });
try {
  const teams = await database.db.selectFrom('teams').select(database.db.fn.countAll<string>().as('n')).executeTakeFirst();
  const pending = await pendingMigrations(database.db);
  console.log(`Restored ${file} into ${dataDir}: ${Number(teams?.n ?? 0)} teams${pending.length ? `; ${pending.length} migration(s) will run on the next start` : ''}.`);
} finally {
  await database.close();
}
