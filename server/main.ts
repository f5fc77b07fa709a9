// The only file that listens: configuration, database, app, and a graceful close.
// Few modules are imported before the settings are read: an existing embedded folder starts
// opening (PGlite's code, WebAssembly and PostgreSQL's own start on their thread, most of a
// warm start) before the rest of the server loads, and the rest loads meanwhile.
import path from 'node:path';
import { loadStartableConfig, SettingsError, type Config } from './config';
import { DataDirLockedError } from './db/dir-lock';
import { holdsDatabase, openPgliteFolder } from './db/pglite-folder';

/** Stops the start with the reason in one line per problem: an operator reads it, not a stack trace. */
function stop(reason: string): never {
  console.error(reason);
  process.exit(1);
}

let config: Config;
try {
  config = loadStartableConfig();
} catch (error) {
  if (error instanceof SettingsError) stop(`Wijkweb did not start; fix these settings:\n${error.lines.map((l) => `  ${l}`).join('\n')}`);
  throw error;
}
const started = performance.now();
// Safe settings only (loadStartableConfig refused the others), and an existing folder only:
// a new one is created, with its demo, by a process of its own (start.ts openServerDatabase).
const dataDir = path.resolve(config.DATA_DIR);
const opened = !config.DATABASE_URL && holdsDatabase(dataDir) ? openPgliteFolder(dataDir) : undefined;
opened?.catch(() => {}); // handed over below, where a failure is reported

// The app's modules (most of the start's time) load while the database opens and migrates:
// the embedded one does its work on its own thread, PostgreSQL in its own process.
const { openServerDatabase } = await import('./start');
const modules = Promise.all([import('./app'), import('./lifecycle'), import('./backup/backup.socket'),
  import('./onboarding/digest.job'), import('./review/reminders')]);
modules.catch(() => {}); // awaited below; a failure is reported there
const database = await openServerDatabase(config, (m) => console.log(m), opened).catch((error: Error) => {
  if (error instanceof SettingsError) stop(`Wijkweb did not start; fix these settings:\n${error.lines.map((l) => `  ${l}`).join('\n')}`);
  if (error instanceof DataDirLockedError) stop(`Wijkweb did not start: ${error.message}`);
  stop(`Wijkweb could not open its database: ${error.message}`);
});
const [{ buildApp }, { installGracefulShutdown }, { startLocalSocket }, { sendDigests }, { sendReviewReminders }] = await modules;
const app = await buildApp({ config, database, logger: { level: config.LOG_LEVEL } });
// Embedded database: db:backup and the other commands ask the running server over a local socket.
if (database.backend === 'pglite') {
  const localSocket = await startLocalSocket(database, config, path.resolve(config.DATA_DIR), (m) => app.log.warn(m));
  if (localSocket) app.addHook('onClose', async () => { await localSocket.close(); });
}
installGracefulShutdown(app, database, { graceMs: config.SHUTDOWN_GRACE_S * 1000 });

// Weekly digests: checked hourly (sendDigests sends at most one per subscriber per ISO week);
// unref'd so the timer never keeps the process alive on shutdown.
const digestTimer = setInterval(() => {
  sendDigests(database.db, app.mailer, new Date(), { appUrl: config.APP_URL })
    .then((run) => { if (run.sent || run.failed) app.log.info({ digest: run }, 'digests'); })
    .catch((err: Error) => app.log.error({ err: { message: err.message } }, 'digests failed'));
}, 60 * 60 * 1000);
digestTimer.unref();
app.addHook('onClose', async () => { clearInterval(digestTimer); });

// "Te controleren" reminders: checked hourly, at most one mail per editor per ISO week.
const reviewTimer = setInterval(() => {
  sendReviewReminders(database.db, app.mailer, app.clock(), { appUrl: config.APP_URL })
    .then((run) => { if (run.sent || run.failed) app.log.info({ reviewReminders: run }, 'review reminders'); })
    .catch((err: Error) => app.log.error({ err: { message: err.message } }, 'review reminders failed'));
}, 60 * 60 * 1000);
reviewTimer.unref();
app.addHook('onClose', async () => { clearInterval(reviewTimer); });

try {
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const ms = Math.round(performance.now() - started);
  // Without APP_URL (development only) links point where the app is served; PORT=0 is known only now.
  if (config.appUrlFromServer) (config as { APP_URL: string }).APP_URL = address.replace('://0.0.0.0', '://127.0.0.1');
  const docs = config.API_DOCS === 'on' ? `API-documentatie: ${address}/docs` : 'API-documentatie: uit (API_DOCS=on zet haar aan)';
  console.log(`Wijkweb draait op ${address} (database: ${database.backend}, klaar in ${ms} ms). ${docs}`);
} catch (error) {
  console.error(`Wijkweb could not listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}
