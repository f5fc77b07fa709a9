// Throwaway PostgreSQL databases for benchmarks (server on 127.0.0.1:5432, user postgres,
// trust auth unless BENCH_PG_URL says otherwise).
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { return await client.query(text); } finally { await client.end(); }
}

/** URL of a database with this name on the bench server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(name: string): Promise<boolean> {
  const { rows } = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
  return rows.length > 0;
}

/** Drops (if present) and creates the database; returns its URL. Name: letters, digits, underscore. */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

/**
 * Resolves once no query runs in these databases, seen twice in a row: a slow target's
 * requests go on in PostgreSQL after its load window ends, and would otherwise be billed to
 * the next target. Gives up after `limitMs` (then says so) rather than hang a bench.
 */
export async function untilQueriesDone(names: readonly string[], limitMs = 60_000): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const started = Date.now();
    let quiet = 0;
    while (quiet < 2) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = ANY($1) AND state = 'active' AND pid <> pg_backend_pid()`, [names]);
      quiet = rows[0]!.n === 0 ? quiet + 1 : 0;
      if (Date.now() - started > limitMs) { console.log(`  (queries still running after ${limitMs / 1000} s; going on)`); return; }
      if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
