// Child of bench/map-traffic.bench.ts: the app of one source tree (ROOT: this repository,
// or an extracted older commit for the "before" figures) on the bench database, with its
// web app, its tiles from the bench's local tile server (BENCH_TILE_URL). Sends { port } when listening.
// A message { apiDelayMs } holds every API answer back that long (answered with the same
// message): how the bench counts waves of requests (map-traffic.bench.ts, countWaves).
const [root, url] = [process.argv[2]!, process.argv[3]!];
export {}; // a module, for top-level await
const { buildApp } = await import(`${root}/server/app.ts`);
const { loadConfig } = await import(`${root}/server/config.ts`);
const { createDatabase } = await import(`${root}/server/db/database.ts`);
const database = await createDatabase({ databaseUrl: url, poolSize: 4 });
const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: '', LOG_LEVEL: 'silent', ...(process.env.BENCH_TILE_URL ? { TILE_URL: process.env.BENCH_TILE_URL } : {}) }), database, serveWeb: true });
// Held back before the app sees the request (the app's routes are made already, so a hook
// added here would not reach them); GET requests only, so no body waits in between.
let apiDelayMs = 0;
const handlers = app.server.listeners('request') as ((...args: unknown[]) => void)[];
app.server.removeAllListeners('request');
app.server.on('request', (request: { url?: string }, reply: unknown) => {
  const handle = () => { for (const handler of handlers) handler.call(app.server, request, reply); };
  if (apiDelayMs > 0 && request.url?.startsWith('/api/')) setTimeout(handle, apiDelayMs);
  else handle();
});
process.on('message', (message: { apiDelayMs?: number }) => {
  if (typeof message.apiDelayMs !== 'number') return;
  apiDelayMs = message.apiDelayMs;
  process.send!({ apiDelayMs });
});
await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => { void app.close().then(() => database.close()).then(() => process.exit(0)); });
