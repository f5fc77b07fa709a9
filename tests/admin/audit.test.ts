// GET /api/admin/audit as the audit-log screen uses it: by account (what it did and what was
// done to it, so failed sign-ins on it count), by several actions at once, by period, paged,
// with the actor's e-mail and the record acted on in words; bad filters are a 400 naming the field.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { buildTestApp } from '../helpers/app';
import { createAccount, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';
let database: Database;
let app: FastifyInstance;
let admin: string;
let adminId: string;
let watchedId: string;
let personId: string;
let personName: string;
const audit = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/admin/audit?${query}`, headers: { cookie: admin } });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database);
  adminId = await createAccount(database.db, { email: 'beheer@example.nl', password: PASSWORD, role: 'admin' });
  watchedId = await createAccount(database.db, { email: 'gevolgd@example.nl', password: PASSWORD, role: 'professional' });
  admin = await signIn(app, 'beheer@example.nl', PASSWORD);
  const person = await database.db.selectFrom('people').select(['id', 'given_name', 'family_name']).orderBy('id').executeTakeFirstOrThrow();
  personId = person.id;
  personName = `${person.given_name} ${person.family_name}`;
  // A known history at known moments (the log's own clock is the database's: set it here).
  const rows = [
    { at: '2026-03-01T09:00:00Z', actor_account_id: null, action: 'login_failed', entity_type: 'account', entity_id: watchedId, meta: JSON.stringify({ reason: 'wrong_password' }) },
    { at: '2026-03-01T09:01:00Z', actor_account_id: watchedId, action: 'login', entity_type: 'account', entity_id: watchedId, meta: null },
    { at: '2026-03-02T10:00:00Z', actor_account_id: watchedId, action: 'view_mobile', entity_type: 'person', entity_id: personId, meta: null },
    { at: '2026-03-05T12:00:00Z', actor_account_id: adminId, action: 'role_change', entity_type: 'account', entity_id: watchedId, meta: null },
    { at: '2026-04-01T08:00:00Z', actor_account_id: adminId, action: 'invite', entity_type: 'account', entity_id: adminId, meta: null },
  ];
  await database.db.insertInto('audit_log').values(rows.map((r) => ({ ...r, before: null, after: null }))).execute();
});
afterAll(async () => { await app?.close(); await database?.close(); });

describe(`the audit log's filters on ${TEST_BACKEND}`, () => {
  it('by account: what it did and what was done to it, newest first, with e-mail and subject in words', async () => {
    const { status, body } = await audit(`account=${watchedId}&per_page=100`);
    expect(status).toBe(200);
    expect(body.items.map((r: any) => r.action)).toEqual(['role_change', 'view_mobile', 'login', 'login_failed']);
    const [role, view, login, failed] = body.items;
    expect(role).toMatchObject({ actor_email: 'beheer@example.nl', subject: 'gevolgd@example.nl' });
    expect(view).toMatchObject({ actor_email: 'gevolgd@example.nl', subject: personName });
    expect(login.actor_email).toBe('gevolgd@example.nl');
    expect(failed).toMatchObject({ actor_email: null, subject: 'gevolgd@example.nl', meta: { reason: 'wrong_password' } });
    // actor alone leaves out the failure nobody signed in for
    expect((await audit(`actor=${watchedId}`)).body.items.map((r: any) => r.action)).toEqual(['view_mobile', 'login']);
  });

  it('by several actions at once and by period (from inclusive, to exclusive), paged', async () => {
    const both = await audit('action=login_failed,role_change&from=2026-03-01&to=2026-03-06');
    expect(both.body.items.map((r: any) => r.action)).toEqual(['role_change', 'login_failed']);
    const march = await audit('from=2026-03-01T00:00:00%2B01:00&to=2026-04-01T00:00:00Z&per_page=2');
    expect(march.body.total).toBe(4);
    expect(march.body.items.map((r: any) => r.action)).toEqual(['role_change', 'view_mobile']);
    expect((await audit('from=2026-03-01&to=2026-04-01&per_page=2&page=2')).body.items.map((r: any) => r.action)).toEqual(['login', 'login_failed']);
    expect((await audit('from=2026-03-02&to=2026-03-02T10:00:00Z')).body.total).toBe(0);
    expect((await audit('action=person.update,team.verify')).status).toBe(200);
  });

  it('a period that ends before it starts, a malformed date or action: 400 naming the field', async () => {
    for (const [query, field] of [['from=2026-03-05&to=2026-03-01', 'to'], ['from=5-3-2026', 'from'], ['action=DROP TABLE', 'action']] as const) {
      const { status, body } = await audit(query);
      expect(status, query).toBe(400);
      expect(body.details.map((d: any) => d.field), query).toContain(field);
    }
  });
});
