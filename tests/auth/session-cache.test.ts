// Sessions are reused for up to a second per app instance (auth/auth.audience.ts). Two
// instances on one database: a sign-out or a deactivation on one takes effect on the
// other within that second, and at once on the instance that made it. Requests that need
// the database's answer together share one question, and a session in steady use is asked
// again beside its requests, never in their way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { SESSION_CACHE_MS } from '../../server/auth/auth.audience';
import type { Database } from '../../server/db/database';
import { buildTestApp } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';

let database: Database;
let a: FastifyInstance;
let b: FastifyInstance;
// Slack for a busy machine on top of the promised second (the request itself takes time).
const DEADLINE_MS = SESSION_CACHE_MS + 1500;

const me = async (app: FastifyInstance, cookie: string) => (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;

/** Asks until `app` answers `cookie` as signed out; the time it took (fails past the deadline). */
async function signedOutWithin(app: FastifyInstance, cookie: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const status = await me(app, cookie);
    const elapsed = Date.now() - started;
    if (status === 401) return elapsed;
    expect(status).toBe(200);
    if (elapsed > DEADLINE_MS) throw new Error(`still signed in after ${elapsed} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeAll(async () => {
  database = await createSeededDatabase();
  [a, b] = await Promise.all([buildTestApp(database), buildTestApp(database)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await database?.close();
});

describe('session cache across two instances', () => {
  it('a sign-out on one instance ends the session there at once and on the other within a second', async () => {
    const cookie = await signIn(a, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    expect(await me(a, cookie)).toBe(200);
    expect(await me(b, cookie)).toBe(200); // b has it cached now
    expect((await a.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect(await me(a, cookie)).toBe(401);
    expect(await signedOutWithin(b, cookie)).toBeLessThanOrEqual(DEADLINE_MS);
  });

  it('a deactivation straight in the database (as a command does) ends the sessions on both within a second', async () => {
    const cookie = await signIn(b, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    expect(await me(a, cookie)).toBe(200);
    expect(await me(b, cookie)).toBe(200);
    await database.db.updateTable('accounts').set({ deactivated_at: new Date() }).where('email', '=', DEMO_ACCOUNTS.editor.email).execute();
    const [ta, tb] = await Promise.all([signedOutWithin(a, cookie), signedOutWithin(b, cookie)]);
    expect(Math.max(ta, tb)).toBeLessThanOrEqual(DEADLINE_MS);
  });

  it('a session answered from the cache still ends at its idle limit by the app clock', async () => {
    let now = Date.now();
    const app = await buildTestApp(database, { beforeReady: (x) => { (x as unknown as { clock: () => Date }).clock = () => new Date(now); } });
    try {
      const cookie = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
      expect(await me(app, cookie)).toBe(200);
      now += 9 * 3600_000; // past the 8 hour idle limit, within the cache's real-time second
      expect(await me(app, cookie)).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('asking the database about a session', () => {
  // Counts the database's answers about a session (resolveSession's row).
  let asked = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const row = args.result.rows[0] as object | undefined;
      if (row && 'revoked_at' in row && 'deactivated_at' in row) asked += 1;
      return args.result;
    },
  };
  let now = Date.now();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ ...database, db: database.db.withPlugin(counter) },
      { beforeReady: (x) => { (x as unknown as { clock: () => Date }).clock = () => new Date(now); } });
  });
  afterAll(async () => { await app?.close(); });

  it('ten requests at once with a session not in the cache ask once', async () => {
    const cookie = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    asked = 0;
    const statuses = await Promise.all(Array.from({ length: 10 }, () => me(app, cookie)));
    expect(statuses).toEqual(Array(10).fill(200));
    expect(asked).toBe(1);
  });

  it('a session in use is asked again before its second is up, once, and the answer counts from then', async () => {
    const cookie = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    expect(await me(app, cookie)).toBe(200);
    asked = 0;
    now += SESSION_CACHE_MS / 2;
    expect(await me(app, cookie)).toBe(200);
    expect(asked).toBe(0); // young enough: not asked
    now += SESSION_CACHE_MS / 2 - 100; // 900 ms old: served, and asked again beside it, once for all five
    expect(await Promise.all(Array.from({ length: 5 }, () => me(app, cookie)))).toEqual(Array(5).fill(200));
    await expect.poll(() => asked).toBe(1);
    // The new answer counts from when it was asked: 700 ms after that it is used as it is (the
    // first answer, 1.6 s old by then, would have to be asked again); 100 ms later, the next refresh.
    now += SESSION_CACHE_MS - 300;
    expect(await me(app, cookie)).toBe(200);
    expect(asked).toBe(1);
    now += 100;
    expect(await me(app, cookie)).toBe(200);
    await expect.poll(() => asked).toBe(2);
  });
});
