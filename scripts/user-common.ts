// Shared by the user:create and user:reset commands: arguments, the database, the policy.
import { parseArgs } from 'node:util';
import { checkPassword } from '../server/auth/password-policy';
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

export function args(options: Record<string, { type: 'string'; multiple?: boolean }>) {
  try {
    return parseArgs({ options, allowPositionals: false }).values as Record<string, string | string[] | undefined>;
  } catch (error) {
    fail((error as Error).message);
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db'], config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await run(database.db, config);
  } finally {
    await database.close();
  }
}

/** Exits with the policy's reasons when the password is not strong enough. */
export function assertStrong(password: string, inputs: string[]): void {
  const result = checkPassword(password, inputs);
  if (!result.ok) fail(`Password refused: ${result.reasons.join(', ')} (zxcvbn score ${result.score}).`);
}

export const appLink = (appUrl: string, path: string, token: string) => `${appUrl.replace(/\/$/, '')}${path}?token=${token}`;
