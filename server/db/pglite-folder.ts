// An embedded database's folder, locked and opened on its own thread: the part of opening
// that needs only the folder's name. Kept apart from database.ts (pg, Kysely) so that the
// server's start can begin it before loading them (server/main.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDirLock, type DirLock } from './dir-lock';
import { startPgliteThread, type PgliteThread } from './pglite-thread';

/** Whether the folder holds a database already (PostgreSQL writes PG_VERSION when it creates one). */
export const holdsDatabase = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

export interface OpenedFolder { thread: PgliteThread; lock: DirLock | undefined }

/** Locks the folder (not a 'memory://' one) and starts PGlite on it; the lock is let go if that fails. */
export async function openPgliteFolder(dataDir: string, loadDataDir?: Uint8Array): Promise<OpenedFolder> {
  const lock = dataDir.startsWith('memory://') ? undefined : await acquireDirLock(dataDir);
  try {
    return { thread: await startPgliteThread({ dataDir, ...(loadDataDir ? { loadDataDir } : {}) }), lock };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
