// npm run db:migrate: brings the configured database to the latest schema.
// npm run db:migrate -- down: steps back ONE migration (the newest); -- down --all: all of them.
import { loadConfig } from '../server/config';
import { migrateDownAll, migrateDownOne, migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const down = process.argv.includes('down');
  const all = process.argv.includes('--all');
  const done = !down ? await migrateToLatest(database.db) : all ? await migrateDownAll(database.db) : await migrateDownOne(database.db);
  console.log(done.length ? done.join('\n') : 'Nothing to do: the schema is up to date.');
  console.log(`(${database.backend})`);
} finally {
  await database.close();
}
