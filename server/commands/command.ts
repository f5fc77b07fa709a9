// A command an operator runs (user:create, the imports, ...): the same code whether the CLI
// opened the database itself or a running server runs it for the CLI over its local socket
// (server/backup/backup.socket.ts), which is why a command prints through `out` and fails by
// throwing CommandFailed, never by process.exit: inside a server that would stop the server.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Backend } from '../db/database';
import type { DB } from '../db/types';

interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

export interface CommandContext {
  db: Kysely<DB>;
  backend: Backend;
  config: Config;
  args: string[];
  /** The folder the operator ran the command in: relative file names are read from there. */
  cwd: string;
  out: CommandOutput;
}

export interface Command {
  name: string;
  usage: string;
  /** May a running server run it for the CLI? (db:migrate down may not: stop the server first.) */
  besideServer: (args: string[]) => boolean;
  /** Checks the arguments before any database is opened: throws CommandFailed (exit 2) when wrong. */
  check?: (args: string[]) => void | Promise<void>;
  /** db:migrate: the runner does not bring the schema up to date first. */
  migratesItself?: boolean;
  run(context: CommandContext): Promise<number | void>;
}

/** Ends a command with a message for the operator and an exit code (2: wrong usage). */
export class CommandFailed extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CommandFailed';
  }
}

export const usageError = (command: Pick<Command, 'usage'>) => new CommandFailed(`Usage: ${command.usage}`, 2);

/** Positional arguments (npm's `--` separator dropped) and `--flag[=value]` options. */
export function splitArgs(args: string[]) {
  const rest = args.filter((a) => a !== '--');
  return { positional: rest.filter((a) => !a.startsWith('--')), flags: rest.filter((a) => a.startsWith('--')) };
}

export const resolveFrom = (cwd: string, file: string) => path.resolve(cwd, file);
