// Child process of bench/lookup.bench.ts: the real app (buildApp, Zod, Kysely) and a bare
// Fastify route that replays the very same SQL statements over a plain `pg` Pool, on two
// loopback ports. The statements are recorded from the app's own query layer (Kysely's
// log hook) for each sample request, so the baseline runs exactly what the app runs,
// minus Kysely, Zod and the app's plugins. Sends ports, samples and statements when ready;
// answers 'cpu' messages with its CPU time so the parent can compute CPU per request.
import Fastify from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import type { DB } from '../server/db/types';
import { ANONYMOUS } from '../server/domain/audience';
import { firstContaining } from '../server/lookup/lookup.queries';
import { lookup, type LookupInput } from '../server/lookup/lookup.resolve';
import lookupRoutes from '../server/lookup/lookup.routes';

export type Statement = { sql: string; parameters: readonly unknown[] };
export interface LookupServersInfo { app: number; bare: number; samples: { coord: string[]; postcode: string[] }; statements: Record<string, Statement[]> }

const url = process.argv[2]!;
const POOL = 10;
const SAMPLES = 200;
const database = await createDatabase({ databaseUrl: url, poolSize: POOL });
const pool = new pg.Pool({ connectionString: url, max: POOL });

let recording: Statement[] = [];
const recorder = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') recording.push({ sql: e.query.sql, parameters: e.query.parameters }); } });
const replay = new Map<string, Statement[]>();
const samples = { coord: [] as string[], postcode: [] as string[] };

// Buurten spread over the country (md5 order), a point well inside each, and its PC4.
const buurten = (await pool.query(`select code, geometry, min_lon, min_lat, max_lon, max_lat, postcodes from areas
  where kind = 'buurt' and geometry is not null and code like 'BU1%' order by md5(code) limit ${SAMPLES * 2}`)).rows;
for (const [k, b] of buurten.entries()) {
  if (samples.coord.length === SAMPLES) break;
  const u = 0.3 + 0.4 * (((k * 31) % 97) / 97), v = 0.3 + 0.4 * (((k * 17) % 89) / 89);
  const point = { lon: +(b.min_lon + u * (b.max_lon - b.min_lon)).toFixed(6), lat: +(b.min_lat + v * (b.max_lat - b.min_lat)).toFixed(6) };
  if (firstContaining([b], point) !== b.code || !b.postcodes[0]) continue;
  const coord = `/api/lookup?lat=${point.lat}&lon=${point.lon}`;
  const postcode = `/api/lookup?postcode=${b.postcodes[0]}AB&number=${1 + (k % 50)}`;
  const inputs: [string, LookupInput][] = [
    [coord, { kind: 'coordinate', point }],
    [postcode, { kind: 'postcode', postcode: `${b.postcodes[0]}AB`, house: { number: 1 + (k % 50), addition: null } }],
  ];
  for (const [path, input] of inputs) {
    recording = [];
    if ((await lookup(recorder, null, ANONYMOUS, input)).teams.length === 0) throw new Error(`no teams for ${path}`);
    // the widest-buurt query runs once a minute in the app, not per request: leave it out
    replay.set(path, recording.filter((st) => !st.sql.includes('max(max_lon - min_lon)')));
  }
  samples.coord.push(coord);
  samples.postcode.push(postcode);
}

const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: '' }), database, serveWeb: false });
if (!app.hasRoute({ method: 'GET', url: '/api/lookup' })) await app.register(lookupRoutes, { geocoder: null });
await app.listen({ host: '127.0.0.1', port: 0 });

const bare = Fastify({ logger: false });
bare.get('/api/lookup', async (request, reply) => {
  const statements = replay.get(request.url);
  if (!statements) return reply.status(404).send({ error: 'not recorded' });
  const query = request.query as { lat?: string; lon?: string };
  const results = [];
  for (const s of statements) {
    const { rows } = await pool.query(s.sql, s.parameters as unknown[]);
    // the same exact point-in-polygon work the app does on the bbox candidates
    if (rows[0]?.geometry && query.lat) firstContaining(rows, { lat: Number(query.lat), lon: Number(query.lon) });
    results.push(rows);
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(results));
});
await bare.listen({ host: '127.0.0.1', port: 0 });

process.on('message', (m) => { if (m === 'cpu') process.send!({ cpu: process.cpuUsage() }); });
process.on('SIGTERM', () => { void Promise.all([app.close(), bare.close()]).then(() => process.exit(0)); });
const port = (s: typeof bare) => (s.server.address() as { port: number }).port;
process.send!({
  app: port(app as unknown as typeof bare), bare: port(bare), samples,
  statements: { coord: replay.get(samples.coord[0]!)!, postcode: replay.get(samples.postcode[0]!)! },
} satisfies LookupServersInfo);
