// Sessions are reused for up to a second per app instance (auth/auth.audience.ts). Two
// instances on one database: a sign-out or a deactivation on one takes effect on the
// other within that second, and at once on the instance that made it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
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
