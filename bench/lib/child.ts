// Runs servers in a child process so that the load generator (autocannon, in this
// process) does not share an event loop with the server it measures.
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildServers<T> { child: ChildProcess; info: T; stop(): Promise<void> }

/** Forks a TypeScript module (through tsx) that sends one message with its ports when ready. */
export async function startChild<T>(modulePath: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ChildServers<T>> {
  const child = fork(modulePath, args, { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: 'inherit' });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`${modulePath} exited with ${code} before it was ready`)));
  });
  return {
    child, info,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
