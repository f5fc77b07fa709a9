// Two app instances on one database hold no state of their own: a session made on one works
// on the other, a sign-out on one ends it on both, and rate-limit counters add up across
// them. What matters is PostgreSQL (several servers behind a load balancer); on PGlite the
// two instances share one embedded database in this process, which checks the same thing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { LOGIN_IP_LIMIT } from '../../server/http/rate-limit';
import { buildTestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';

describe(`two instances on one ${TEST_BACKEND} database`, () => {
  let database: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    database = await createSeededDatabase();
    a = await buildTestApp(database);
    b = await buildTestApp(database);
    await createAccount(database.db, { email: 'both@example.nl', password: PASSWORD, role: 'editor' });
  });
  afterAll(async () => { await a?.close(); await b?.close(); await database?.close(); });

  const me = (app: FastifyInstance, cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('shares sessions: made on one, used on the other, ended on one ends it on both', async () => {
    const cookie = await signIn(a, 'both@example.nl', PASSWORD);
    expect((await me(b, cookie)).statusCode).toBe(200);
    expect((await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(a, cookie)).statusCode).toBe(401);
    expect((await me(b, cookie)).statusCode).toBe(401);
  });

  it('shares rate-limit counters', async () => {
    const ip = '10.6.0.1';
    const max = LOGIN_IP_LIMIT.max as number;
    for (let i = 0; i < max; i++) {
      const app = i % 2 === 0 ? a : b;
      expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${i}@example.nl`, password: 'wrong-wrong' }, remoteAddress: ip })).statusCode).toBe(401);
    }
    // Each instance saw only half the attempts; together they are over the limit.
    for (const app of [a, b]) {
      expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'both@example.nl', password: PASSWORD }, remoteAddress: ip })).statusCode).toBe(429);
    }
  });
});
