// Child process of bench/reads.bench.ts: the app of one source tree (argv[3]: this repo,
// or an exported older commit for a before/after run) on the bench database (argv[2]),
// listening on a loopback port. Sends { port } when ready.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [url, root = path.resolve(import.meta.dirname, '..')] = process.argv.slice(2) as [string, string?];
const from = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const { buildApp } = await from('server/app.ts');
const { loadConfig } = await from('server/config.ts');
const { createDatabase } = await from('server/db/database.ts');
const database = await createDatabase({ databaseUrl: url, poolSize: 10 });
const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: '' }), database, serveWeb: false });
if (!app.hasRoute({ method: 'GET', url: '/api/lookup' })) await app.register((await from('server/lookup/lookup.routes.ts')).default, { geocoder: null });
if (!app.hasRoute({ method: 'GET', url: '/api/search' })) await app.register((await from('server/search/search.routes.ts')).default);
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
