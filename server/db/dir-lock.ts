// PGlite does not lock its data folder, and two processes on one folder lose writes.
// The lock is proper-lockfile's: an atomic mkdir whose mtime the owner refreshes every
// few seconds. Whether the owner is alive is read from that heartbeat alone, never from a
// pid: a container's server is PID 1 after every restart, so "pid 1 is alive" proved
// nothing and blocked restarts after a kill -9 forever, while two containers sharing a
// volume can both be PID 1. A dead owner's lock goes stale within STALE_MS, and a new
// start waits that long for it; a live owner keeps it fresh, so a second one is refused.
// mkdir leaves no half-written state: a folder is either there (held) or not.
import { hostname } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

export interface DirLock { release(): Promise<void> }

interface DirLockOptions {
  /** A heartbeat older than this means the owner is gone (proper-lockfile's minimum is 2000). */
  staleMs?: number;
  /** How long a start waits for a held lock to go stale before giving up. */
  waitMs?: number;
  /** The lock was taken over or removed while held: by default the process stops (throws). */
  onCompromised?: (error: Error) => void;
}

export const STALE_MS = 10_000;
const LOCK_NAME = 'wijkweb.lock.d';
const OWNER_NAME = 'wijkweb.lock.owner'; // who holds it, for the message only
const LEGACY_NAME = 'wijkweb.lock'; // the pid file of earlier versions

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: string) {
    super(`DATA_DIR ${dir} is in use by another Wijkweb process${owner}. Stop it or choose another DATA_DIR.`);
    this.name = 'DataDirLockedError';
  }
}

export async function acquireDirLock(dir: string, options: DirLockOptions = {}): Promise<DirLock> {
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const stale = Math.max(options.staleMs ?? STALE_MS, 2000);
  const waitMs = options.waitMs ?? stale + 2000;
  const step = 250;
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await lockfile.lock(folder, {
      lockfilePath: join(folder, LOCK_NAME),
      realpath: false,
      stale,
      update: stale / 4, // several heartbeats per stale period, so one slow tick is no takeover
      retries: { retries: Math.ceil(waitMs / step), factor: 1, minTimeout: step, maxTimeout: step },
      onCompromised: options.onCompromised ?? ((error) => {
        throw new Error(`Lost the lock on DATA_DIR ${folder}: another process took it over (${error.message}). Stopping to protect the data.`);
      }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(folder, await describeOwner(folder));
    throw error;
  }
  await rm(join(folder, LEGACY_NAME), { force: true }); // ours now, whatever an old version left
  await writeFile(join(folder, OWNER_NAME), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })).catch(() => {});
  let released: Promise<void> | undefined;
  return {
    release: () => (released ??= (async () => {
      await rm(join(folder, OWNER_NAME), { force: true });
      await releaseLock().catch((error: NodeJS.ErrnoException) => { if (error.code !== 'ERELEASED') throw error; });
    })()),
  };
}

async function describeOwner(folder: string): Promise<string> {
  try {
    const owner = JSON.parse(await readFile(join(folder, OWNER_NAME), 'utf8')) as { pid?: number; host?: string };
    return ` (pid ${owner.pid} on ${owner.host})`;
  } catch { return ''; }
}

/** The folder entries that belong to the lock, not to the database (a backup leaves them out). */
export const isLockEntry = (name: string) => name === LOCK_NAME || name === OWNER_NAME || name === LEGACY_NAME;
