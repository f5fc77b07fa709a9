// The only file that listens: configuration, database, app, and a graceful close.
import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { installGracefulShutdown } from './lifecycle';
import { openDatabase, prepareDatabase } from './start';
import { startBackupSocket } from './backup/backup.socket';
import { sendDigests } from './onboarding/digest.job';
import { sendReviewReminders } from './review/reminders';

const config = loadConfig();
const started = performance.now();
const database = await openDatabase(config).catch((error: Error) => {
  console.error(`Wijkweb could not open its database: ${error.message}`);
  process.exit(1);
});
try {
  await prepareDatabase(database, config, (m) => console.log(m));
} catch (error) {
  console.error(`Wijkweb could not prepare its database: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}
const app = await buildApp({ config, database, logger: { level: config.LOG_LEVEL } });
// Embedded database: `npm run db:backup` asks the running server over a local socket.
if (database.backend === 'pglite') {
  const backupSocket = await startBackupSocket(database, path.resolve(config.DATA_DIR), (m) => app.log.warn(m));
  if (backupSocket) app.addHook('onClose', async () => { await backupSocket.close(); });
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
  console.log(`Wijkweb draait op ${address} (database: ${database.backend}, klaar in ${ms} ms). API-documentatie: ${address}/docs`);
} catch (error) {
  console.error(`Wijkweb could not listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}
