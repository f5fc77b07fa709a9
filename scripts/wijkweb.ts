// The one command line of Wijkweb: `node dist/scripts/wijkweb.js <command> [arguments]` in a
// production install (`npm run <command> -- …` in development). It runs with the same
// settings as the server. Beside a running server on the embedded database (which holds the
// data folder's lock) it does not wait: it asks that server over its local socket to run
// the command (server/backup/backup.socket.ts), and prints what the server answers.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { loadStartableConfig, SettingsError, type Config } from '../server/config';
import { localSocketPath, type CommandLine } from '../server/backup/backup.socket';
import type { Command } from '../server/commands/command';
import { checkArgs, COMMANDS, findCommand, runCommand } from '../server/commands/commands';
import { acquireDirLock, DataDirLockedError, STALE_MS } from '../server/db/dir-lock';
import { openDatabase } from '../server/start';

// db:backup and db:restore handle the data folder as files; they stay scripts of their own.
const FILE_COMMANDS: Record<string, { usage: string; load: () => Promise<unknown> }> = {
  'db:backup': { usage: 'db:backup FILE   (a .tar.gz of the embedded database, the server running or not)', load: () => import('./db-backup') },
  'db:restore': { usage: 'db:restore FILE [--force]   (into an empty DATA_DIR, the server stopped)', load: () => import('./db-restore') },
};

function stop(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function usage(): string {
  const lines = [...COMMANDS.map((c) => c.usage), ...Object.values(FILE_COMMANDS).map((c) => c.usage)];
  return `Usage: wijkweb <command> [arguments], one of:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** Sends the command to the server that holds the data folder; its exit code, or undefined when none answers. */
function runInServer(socketPath: string, command: Command, args: string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/command', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let buffered = '';
      let exit: number | undefined;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffered.slice(0, newline)) as CommandLine;
          buffered = buffered.slice(newline + 1);
          if ('out' in line) console.log(line.out);
          else if ('err' in line) console.error(line.err);
          else exit = line.exit;
        }
      });
      res.on('end', () => resolve(exit ?? 1));
    });
    // No server behind a socket file left by one that was killed: open the folder ourselves.
    req.on('error', () => resolve(undefined));
    req.end(JSON.stringify({ name: command.name, args, cwd: process.cwd() }));
  });
}

async function runHere(command: Command, args: string[], config: Config): Promise<number> {
  if (!config.DATABASE_URL) {
    // A server that is just starting or stopping holds the lock without a socket: say why we wait.
    const probe = await acquireDirLock(config.DATA_DIR, { waitMs: 0 }).catch((error: Error) => error);
    if (probe instanceof DataDirLockedError) console.error(`DATA_DIR is in use; waiting up to ${Math.round((STALE_MS + 2000) / 1000)} s for it to be free…`);
    else if (!(probe instanceof Error)) await probe.release();
  }
  const database = await openDatabase(config).catch((error: Error) => {
    if (error instanceof SettingsError) stop(error.message, 1);
    if (error instanceof DataDirLockedError) stop(`${error.message}\nIf that is a Wijkweb server, it is starting or stopping; run the command again when it runs.`, 1);
    stop(`${command.name}: could not open the database: ${error.message}`, 1);
  });
  try {
    return await runCommand(command, { db: database.db, backend: database.backend, config, args, cwd: process.cwd(),
      out: { log: (line) => console.log(line), error: (line) => console.error(line) } });
  } finally {
    await database.close();
  }
}

const [name, ...args] = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
if (!name || name === '--help' || name === 'help') stop(usage(), name ? 0 : 2);
if (FILE_COMMANDS[name]) {
  process.argv.splice(2, process.argv.length, ...args); // the script reads its own arguments
  await FILE_COMMANDS[name].load();
} else {
  const command = findCommand(name) ?? stop(`Unknown command ${name}.\n${usage()}`, 2);
  const wrong = await checkArgs(command, args);
  if (wrong) stop(wrong.message, wrong.exitCode);
  let config: Config;
  try {
    config = loadStartableConfig();
  } catch (error) {
    if (error instanceof SettingsError) stop(`${command.name} did not run; fix these settings (the same as the server's):\n${error.lines.map((l) => `  ${l}`).join('\n')}`, 1);
    throw error;
  }
  const socketPath = config.DATABASE_URL ? undefined : localSocketPath(path.resolve(config.DATA_DIR));
  const inServer = socketPath && existsSync(socketPath) ? await runInServer(socketPath, command, args) : undefined;
  process.exitCode = inServer ?? await runHere(command, args, config);
}
