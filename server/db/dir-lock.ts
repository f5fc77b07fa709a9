// PGlite does not lock its data folder, and two processes on one folder lose writes.
// A lock file holding the owner's pid keeps a second Wijkweb out; a lock left by a
// process that no longer runs is taken over.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface DirLock { release(): Promise<void> }

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`DATA_DIR ${dir} is in use by another Wijkweb process (pid ${pid}). Stop it or choose another DATA_DIR.`);
    this.name = 'DataDirLockedError';
  }
}

export async function acquireDirLock(dir: string): Promise<DirLock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'wijkweb.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return { release: async () => { if (!released) { released = true; await rm(file, { force: true }); } } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && isAlive(pid)) throw new DataDirLockedError(dir, pid); // this process counts too
      await rm(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
