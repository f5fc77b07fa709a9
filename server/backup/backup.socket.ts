// A consistent backup of the embedded database while the server runs. The server holds the
// data folder's lock, so no second process may open PGlite there; instead it answers on a
// Unix socket INSIDE the data folder, mode 0600. Only the OS user that runs Wijkweb (or root)
// can connect, and that user can read the data files anyway: nothing becomes reachable over
// the network, no HTTP route exists for it, and no admin secret is needed.
// `npm run db:backup` connects here when it finds the folder locked.
import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../db/database';

export const BACKUP_SOCKET = 'backup.sock';
// sun_path is 108 bytes on Linux (104 on macOS); a deeper DATA_DIR gets no socket.
const MAX_SOCKET_PATH = 100;

export function backupSocketPath(dataDir: string): string {
  return join(dataDir, BACKUP_SOCKET);
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
  // Only the lock holder gets here, so a socket file left over is a dead server's.
  await rm(path, { force: true });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(path, resolve); });
  await chmod(path, 0o600);
  return {
    path,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}
