// Kysely's Migrator over the ISO-dated files in migrations/. On both backends the
// dialect runs them in one transaction under an advisory lock.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

// Kysely's FileMigrationProvider imports from inside node_modules, where TypeScript files
// are not transformed; importing from here lets tsx and Vitest load the .ts migrations.
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.(ts|js|mjs)$/, '')] = await import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href);
    }
    return migrations;
  },
};

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: folderProvider });
}

function check({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/** The migration names in migrations/, from the file names alone (nothing imported). */
async function migrationNames(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).map((f) => f.replace(/\.(ts|js|mjs)$/, ''));
}

/**
 * Nothing to do when the database has run exactly the migrations this version has: one
 * read, instead of importing every migration file and taking the lock (a quarter of a
 * second at every start). Anything else, a gap or a name this version lacks, goes to the
 * Migrator, which runs or refuses it as before.
 */
async function upToDate(db: Kysely<any>): Promise<boolean> {
  try {
    const [files, ran] = await Promise.all([migrationNames(),
      sql<{ name: string }>`select name from kysely_migration`.execute(db).then((r) => r.rows.map((row) => row.name))]);
    const done = new Set(ran);
    return files.length === done.size && files.every((name) => done.has(name));
  } catch {
    return false; // no migration table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await upToDate(db)) return [];
  return check(await createMigrator(db).migrateToLatest());
}

/** Steps back exactly one migration (the newest applied); [] when none is applied. */
export async function migrateDownOne(db: Kysely<any>): Promise<string[]> {
  return check(await createMigrator(db).migrateDown());
}

/** Names of the migrations this version has that the database has not run (reads only). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  return (await createMigrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const migrator = createMigrator(db);
  const done: string[] = [];
  for (;;) {
    const result = await migrator.migrateDown();
    const names = check(result);
    if (names.length === 0) return done;
    done.push(...names);
  }
}
