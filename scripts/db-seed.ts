// npm run db:seed: loads the taxonomy and the demo wijk into the configured database.
// Safe to run twice: rows that exist are left as they are.
import { loadConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import { openDatabase } from '../server/start';
import { seedDemo, seedReference } from '../seeds/index';

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database.db);
  await seedReference(database.db);
  await seedDemo(database.db, { onProgress: (m) => console.log(m) });
  console.log(`Demo wijk loaded (${database.backend}).`);
} finally {
  await database.close();
}
