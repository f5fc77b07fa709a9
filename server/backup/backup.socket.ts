// A consistent backup of the embedded database while the server runs. The server holds the
// data folder's lock, so no second process may open PGlite there; instead it answers on a
// Unix socket in a folder of mode 0700 owned by the OS user that runs Wijkweb (in the temp
// folder: inside DATA_DIR it would land in the tarball, which cannot hold a socket). Only
// that user (or root) can connect, and that user can read the data files anyway: nothing
// becomes reachable over the network, no HTTP route exists for it, no admin secret needed.
// `npm run db:backup` connects here when it finds the folder locked.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../db/database';

// sun_path is 108 bytes on Linux (104 on macOS); a deeper temp folder gets no socket.
const MAX_SOCKET_PATH = 100;

/** The socket of the server that holds dataDir: one per data folder, in a private folder. */
export function backupSocketPath(dataDir: string): string {
  const uid = process.getuid?.() ?? 0;
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `wijkweb-${uid}`, `backup-${id}.sock`);
}

/** Creates the socket's folder 0700, and refuses one that another user owns or others may enter. */
function privateFolder(path: string): void {
  const folder = join(path, '..');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.uid !== process.getuid?.() || (stat.mode & 0o077) !== 0) {
    throw new Error(`${folder} is not a private folder of this user`);
  }
}

export interface BackupSocket { path: string; close(): Promise<void> }

/** Listens for GET /backup on DATA_DIR/backup.sock; undefined where a socket cannot be had. */
export async function startBackupSocket(database: Database, dataDir: string, log: (msg: string) => void): Promise<BackupSocket | undefined> {
  const dump = database.dumpDataDir;
  const path = backupSocketPath(dataDir);
  if (!dump || process.platform === 'win32' || Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    log('backups while running: unavailable here (stop the server to back up)');
    return undefined;
  }
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/backup') {
      response.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        // Flush to the data files first, so the copy needs little WAL replay when restored.
        await sql`CHECKPOINT`.execute(database.db);
        const tarball = Buffer.from(await (await dump()).arrayBuffer());
        response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarball.length }).end(tarball);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`backup failed: ${(error as Error).message}`);
      }
    })();
  });
  try {
    privateFolder(path);
  } catch (error) {
    log(`backups while running: unavailable (${(error as Error).message})`);
    return undefined;
  }
  // Only the lock holder of dataDir gets here, so a socket file left over is a dead server's.
  await rm(path, { force: true });
  await new Promise<void>((done, reject) => { server.once('error', reject); server.listen(path, done); });
  return {
    path,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}
