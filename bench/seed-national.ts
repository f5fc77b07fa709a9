// Loads the national benchmark data set into a PostgreSQL database:
//   npx tsx bench/seed-national.ts postgres://postgres@127.0.0.1:5432/wijkweb_national [--buurten=13000 --teams=50000 --people=200000 --seed=1]
// The database must exist; it is migrated, the taxonomy loaded, then the generated rows.
import { loadNational } from './lib/national';

const url = process.argv[2];
if (!url?.startsWith('postgres')) {
  console.error('usage: npx tsx bench/seed-national.ts <postgres url> [--buurten=N --teams=N --people=N --seed=N]');
  process.exit(2);
}
await loadNational(url);
