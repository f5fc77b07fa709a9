// Every command an operator runs against the database, by name, and the one way to run one:
// schema brought up to date first, failures reported as a line and an exit code, never a
// stack trace. The CLI (scripts/wijkweb.ts) and a running server's local socket both call it.
import { migrateToLatest } from '../db/migrate';
import { userCreate, userReset } from './accounts.command';
import { dbMigrateCommand, dbSeedCommand, exportHsdsCommand, importAreasCommand, importCsvCommand, importHsdsCommand } from './data.command';
import { CommandFailed, type Command, type CommandContext } from './command';

export const COMMANDS: readonly Command[] = [
  userCreate, userReset, importAreasCommand, importHsdsCommand, importCsvCommand, exportHsdsCommand, dbMigrateCommand, dbSeedCommand,
];

export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);

/** Checks a command's arguments before a database is opened: the exit code and message when wrong. */
export async function checkArgs(command: Command, args: string[]): Promise<{ exitCode: number; message: string } | undefined> {
  try {
    await command.check?.(args);
    return undefined;
  } catch (error) {
    if (error instanceof CommandFailed) return { exitCode: error.exitCode, message: error.message };
    throw error;
  }
}

/** Runs a command; resolves to its exit code, having said why through `out` when it failed. */
export async function runCommand(command: Command, context: CommandContext): Promise<number> {
  try {
    if (!command.migratesItself) await migrateToLatest(context.db);
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof CommandFailed) {
      context.out.error(error.message);
      return error.exitCode;
    }
    context.out.error(`${command.name} failed: ${(error as Error).message}`);
    return 1;
  }
}
