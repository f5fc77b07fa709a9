// A consistent backup of the embedded database while the server runs. The server holds the
// data folder's lock, so no second process may open PGlite there; instead it answers on a
// Unix socket in a folder of mode 0700 owned by the OS user that runs Wijkweb (in the temp
// folder: inside DATA_DIR it would land in the tarball, which cannot hold a socket). Only
// that user (or root) can connect, and that user can read the data files anyway: nothing
// becomes reachable over the network, no HTTP route exists for it, no admin secret needed.
// `npm run db:backup` connects here when it finds the folder locked, and so do the other
// commands (user:create, the imports...): POST /command runs one inside this server, on its
// database, and streams the command's output back as lines of JSON, the last one its exit code.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { findCommand, runCommand } from '../commands/commands';

// sun_path is 108 bytes on Linux (104 on macOS); a deeper temp folder gets no socket.
const MAX_SOCKET_PATH = 100;

/** The socket of the server that holds dataDir: one per data folder, in a private folder. */
export function localSocketPath(dataDir: string): string {
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

interface LocalSocket { path: string; close(): Promise<void> }

/** One line of a command's answer: output, error output, or (last) its exit code. */
export type CommandLine = { out: string } | { err: string } | { exit: number };

/** Listens for GET /backup and POST /command; undefined where a socket cannot be had. */
export async function startLocalSocket(database: Database, config: Config, dataDir: string, log: (msg: string) => void): Promise<LocalSocket | undefined> {
  const dump = database.dumpDataDir;
  const path = localSocketPath(dataDir);
  if (!dump || process.platform === 'win32' || Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    log('backups while running: unavailable here (stop the server to back up)');
    return undefined;
  }
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/command') {
      void answerCommand(database, config, request, response);
      return;
    }
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

async function answerCommand(database: Database, config: Config, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body: { name?: unknown; args?: unknown; cwd?: unknown };
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    response.writeHead(400).end();
    return;
  }
  const command = typeof body.name === 'string' ? findCommand(body.name) : undefined;
  const args = Array.isArray(body.args) ? body.args.map(String) : [];
  const cwd = typeof body.cwd === 'string' && isAbsolute(body.cwd) ? body.cwd : undefined;
  response.writeHead(command && cwd ? 200 : 404, { 'content-type': 'application/x-ndjson' });
  const send = (line: CommandLine) => response.write(`${JSON.stringify(line)}\n`);
  if (!command || !cwd) {
    send({ err: `This server knows no command ${String(body.name)}.` });
    send({ exit: 2 });
    response.end();
    return;
  }
  if (!command.besideServer(args)) {
    send({ err: `${command.name} ${args.join(' ')} does not run beside a running server: stop it (SIGTERM) first.` });
    send({ exit: 1 });
    response.end();
    return;
  }
  const exit = await runCommand(command, { db: database.db, backend: database.backend, config, args, cwd,
    out: { log: (text) => send({ out: text }), error: (text) => send({ err: text }) } });
  send({ exit });
  response.end();
}
