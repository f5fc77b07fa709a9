// db:backup FILE (npm run db:backup -- FILE): a consistent copy of the embedded database
// (DATA_DIR) as a gzipped tarball, whether the server is stopped (opened here) or running
// (asked over its local socket, server/backup/backup.socket.ts). PostgreSQL has pg_dump for this.
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { loadConfig, SettingsError, type Config } from '../server/config';
import { createDatabase } from '../server/db/database';
import { DataDirLockedError } from '../server/db/dir-lock';
import { localSocketPath } from '../server/backup/backup.socket';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const file = process.argv[2];
if (!file || file.startsWith('-')) fail('Usage: npm run db:backup -- FILE   (writes a .tar.gz of the embedded database)', 2);
let config: Config;
try { config = loadConfig(); } catch (error) {
  if (error instanceof SettingsError) fail(`Fix these settings first:\n${error.lines.map((l) => `  ${l}`).join('\n')}`);
  throw error;
}
if (config.DATABASE_URL) {
  fail('DATABASE_URL points at PostgreSQL: back it up with its own tools, e.g.\n  pg_dump --format=custom --file=wijkweb.dump "$DATABASE_URL"\n(restore: pg_restore --clean --if-exists --dbname="$DATABASE_URL" wijkweb.dump)', 2);
}
const dataDir = path.resolve(config.DATA_DIR);
if (!existsSync(path.join(dataDir, 'PG_VERSION'))) fail(`No embedded database in ${dataDir} (DATA_DIR).`);

async function fromStoppedServer(): Promise<Buffer> {
  const database = await createDatabase({ dataDir });
  try {
    return Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
  } finally {
    await database.close();
  }
}

function fromRunningServer(): Promise<Buffer> {
  const socketPath = localSocketPath(dataDir);
  if (!existsSync(socketPath)) {
    fail(`A running Wijkweb holds ${dataDir} and offers no backup socket (${socketPath}).\nStop it (SIGTERM) and run the backup again.`);
  }
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/backup', method: 'GET', timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(Buffer.concat(chunks).toString() || `status ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('the running server did not answer within 2 minutes')));
    req.on('error', reject);
    req.end();
  });
}

let tarball: Buffer;
let how: string;
try {
  tarball = await fromStoppedServer();
  how = 'server stopped';
} catch (error) {
  if (!(error instanceof DataDirLockedError)) fail(`Backup failed: ${(error as Error).message}`);
  tarball = await fromRunningServer().catch((e: Error) => fail(`Backup from the running server failed: ${e.message}`));
  how = 'from the running server';
}
// Written beside the target, then renamed: a backup file is complete or absent.
const target = path.resolve(file);
await writeFile(`${target}.partial`, tarball);
await rename(`${target}.partial`, target);
console.log(`Backup of ${dataDir} written to ${target} (${(tarball.length / 1024 / 1024).toFixed(1)} MB, ${how}).`);
