// Child of bench/embedded.bench.ts: the demo on embedded PGlite in a data folder, the way
// `npm start` runs it, with PGlite either on its worker thread (after) or on the main thread
// through PGlite's node-postgres adapter (before). Sends { port } when listening and
// { rss } (after a GC) when asked.
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase, PGLITE_EXTENSIONS } from '../server/db/database';
import { prepareDatabase } from '../server/start';

const [mode, dataDir] = [process.argv[2] as 'worker' | 'main', process.argv[3]!];
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', GEOCODER_URL: '' });
const database = mode === 'worker'
  ? await createDatabase({ dataDir })
  : await createDatabase({ pglite: await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS }) });
await prepareDatabase(database, config, () => {});
const app = await buildApp({ config, database, serveWeb: false });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: (app.server.address() as { port: number }).port });
process.on('message', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send!({ rss, heapUsed });
});
process.on('SIGTERM', () => { void app.close().then(() => database.close()).then(() => process.exit(0)); });
