// npm run db:migrate [-- down]: brings the configured database to the latest schema
// (or, with "down", rolls every migration back).
import { loadConfig } from '../server/config';
import { migrateDownAll, migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const down = process.argv.includes('down');
  const done = down ? await migrateDownAll(database.db) : await migrateToLatest(database.db);
  console.log(done.length ? done.join('\n') : 'Nothing to do: the schema is up to date.');
  console.log(`(${database.backend})`);
} finally {
  await database.close();
}
