// Child process of bench/search.bench.ts: the real app (buildApp, Zod, Kysely) and a bare
// Fastify route that runs the very same SQL text over `pg` (no Zod, no Kysely at request
// time), on two loopback ports. Sends { app, bare } ports to the parent when listening.
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { ANONYMOUS } from '../server/domain/audience';
import { search, searchPlan, toSearchResult } from '../server/search/search.queries';
import searchRoutes from '../server/search/search.routes';
import { SearchQuery } from '../server/search/search.schemas';
import { searchStatement, type SearchRow } from '../server/search/search.sql';
import { jargonTypes } from '../server/search/search.vocabulary';

const url = process.argv[2]!;
const POOL = 10;
const database = await createDatabase({ databaseUrl: url, poolSize: POOL });

const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, GEOCODER_URL: '' }), database, serveWeb: false });
if (!app.hasRoute({ method: 'GET', url: '/api/search' })) await app.register(searchRoutes);
await app.listen({ host: '127.0.0.1', port: 0 });

// The statement for an anonymous q-only search, compiled once with marker values whose
// parameter slots are then filled per request.
const MARK_Q = '\u0001q', MARK_TYPE = '\u0001type', MARK_STRENGTH = 0.123456789;
const plan = { ...searchPlan(SearchQuery.parse({ q: MARK_Q })), jargon: [{ type: MARK_TYPE, strength: MARK_STRENGTH }] };
const compiled = searchStatement(database.db, ANONYMOUS, plan).compile(database.db);
const params = compiled.parameters as unknown[];
const slot = (test: (p: unknown) => boolean) => {
  const i = params.findIndex(test);
  if (i < 0) throw new Error('marker parameter not found');
  return i;
};
const qSlot = slot((p) => p === MARK_Q);
const typeSlot = slot((p) => Array.isArray(p) && p[0] === MARK_TYPE);
const strengthSlot = slot((p) => Array.isArray(p) && p[0] === MARK_STRENGTH);
const HAS_WORD = /[\p{L}\p{N}]/u;

const pool = new pg.Pool({ connectionString: url, max: POOL });
const bare = Fastify({ logger: false });
bare.get('/api/search', async (request) => {
  const q = String((request.query as { q?: string }).q ?? '').trim().slice(0, 200);
  if (!HAS_WORD.test(q)) return { items: [], total: 0, page: 1, per_page: 20, capped: false };
  const values = [...params];
  const jargon = jargonTypes(q);
  values[qSlot] = q;
  values[typeSlot] = jargon.map((j) => j.type);
  values[strengthSlot] = jargon.map((j) => j.strength);
  const { rows } = await pool.query<SearchRow>(compiled.sql, values);
  return toSearchResult(rows, 1, 20);
});
await bare.listen({ host: '127.0.0.1', port: 0 });

// Same answer from both, or the comparison means nothing.
const probe = 'ik kan mijn rekeningen niet betalen';
const viaApp = await search(database.db, ANONYMOUS, SearchQuery.parse({ q: probe }));
const viaBare = (await bare.inject(`/api/search?q=${encodeURIComponent(probe)}`)).json();
if (JSON.stringify(viaApp) !== JSON.stringify(viaBare)) throw new Error('bare route and app disagree');

const port = (server: typeof bare) => (server.server.address() as { port: number }).port;
process.send?.({ app: port(app as unknown as typeof bare), bare: port(bare) });
process.on('SIGTERM', async () => {
  await Promise.all([app.close(), bare.close()]);
  await Promise.all([database.close(), pool.end()]);
  process.exit(0);
});
