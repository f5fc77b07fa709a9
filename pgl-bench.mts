import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
const extensions = { pg_trgm, unaccent };
const dump = await readFile(process.argv[2]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const ext of [true, false, true, false]) {
  const c0 = cpu(); const t0 = performance.now();
  const p = await PGlite.create({ loadDataDir: new Blob([dump]), ...(ext ? { extensions } : {}) });
  console.log(`ext ${ext} create wall ${(performance.now()-t0).toFixed(0)} cpu ${(cpu()-c0).toFixed(0)}`);
  await p.close();
}
