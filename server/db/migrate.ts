// Kysely's Migrator over the ISO-dated files in migrations/. On both backends the
// dialect runs them in one transaction under an advisory lock.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';

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

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await createMigrator(db).migrateToLatest());
}

/** Steps back exactly one migration (the newest applied); [] when none is applied. */
export async function migrateDownOne(db: Kysely<any>): Promise<string[]> {
  return check(await createMigrator(db).migrateDown());
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
