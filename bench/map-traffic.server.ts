// Child of bench/map-traffic.bench.ts: the app of one source tree (ROOT: this repository,
// or an extracted older commit for the "before" figures) on the bench database, with its
// web app. Sends { port } when listening.
const [root, url] = [process.argv[2]!, process.argv[3]!];
export {}; // a module, for top-level await
const { buildApp } = await import(`${root}/server/app.ts`);
const { loadConfig } = await import(`${root}/server/config.ts`);
const { createDatabase } = await import(`${root}/server/db/database.ts`);
const database = await createDatabase({ databaseUrl: url, poolSize: 4 });
const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: '', LOG_LEVEL: 'silent' }), database, serveWeb: true });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => { void app.close().then(() => database.close()).then(() => process.exit(0)); });
