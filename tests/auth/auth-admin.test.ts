// Admin account management, tenant scoping, password change, own sessions, and the audit
// trail of every sign-in event (with no secret in it).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may } from '../../server/domain/permissions';
import type { Database } from '../../server/db/database';
import { auditMobileViews, peopleInView } from '../../server/audit/audit.queries';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';
import { buildTestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, sessionCookieFrom, signIn } from '../helpers/auth';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const PASSWORD = 'lange-zin-met-veel-woorden-42';
const NEW_PASSWORD = 'paarse olifant danst op de brug 77';
let database: Database;
let app: FastifyInstance;
let admin: string;
let adminId: string;
let profId: string;

const inject = (method: string, url: string, cookie: string, payload?: object) =>
  app.inject({ method: method as 'GET', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const me = (cookie: string) => inject('GET', '/api/auth/me', cookie);

beforeAll(async () => {
  database = await createSeededDatabase();
  app = await buildTestApp(database);
  adminId = await createAccount(database.db, { email: 'boss@example.nl', password: PASSWORD, role: 'admin' });
  profId = await createAccount(database.db, { email: 'prof@example.nl', password: PASSWORD, role: 'professional' });
  admin = await signIn(app, 'boss@example.nl', PASSWORD);
});
afterAll(async () => { await app?.close(); await database?.close(); });

describe(`accounts and audit on ${TEST_BACKEND}`, () => {
  it('lets only admins list accounts (401 anonymous, 403 professional)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/accounts' })).statusCode).toBe(401);
    const prof = await signIn(app, 'prof@example.nl', PASSWORD);
    expect((await inject('GET', '/api/admin/accounts', prof)).statusCode).toBe(403);
    expect((await inject('GET', '/api/admin/audit', prof)).statusCode).toBe(403);
    const list = (await inject('GET', '/api/admin/accounts?per_page=100', admin)).json();
    expect(list.items.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining(['boss@example.nl', 'prof@example.nl', DEMO_ACCOUNTS.admin.email]));
    expect(JSON.stringify(list)).not.toMatch(/argon2|password_hash/);
  });

  it('changes a role and scopes (audited), and the next request sees the new audience', async () => {
    const prof = await signIn(app, 'prof@example.nl', PASSWORD);
    const team = await database.db.selectFrom('teams').select(['id', 'organisation_id']).where('organisation_id', '<>', DEMO_EDITOR_ORGANISATION).limit(1).executeTakeFirstOrThrow();
    const res = await inject('PATCH', `/api/admin/accounts/${profId}`, admin, { role: 'editor', scopes: [{ team_id: team.id }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'editor', scopes: [{ organisation_id: null, team_id: team.id }] });
    expect((await me(prof)).json()).toMatchObject({ role: 'editor' });
    const rows = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'role_change').where('entity_id', '=', profId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_account_id: adminId, before: { role: 'professional' }, after: { role: 'editor' } });
    expect((await inject('PATCH', `/api/admin/accounts/${profId}`, admin, { scopes: [{ team_id: '00000000-0000-4000-8000-000000000000' }] })).statusCode).toBe(400);
    expect((await inject('PATCH', `/api/admin/accounts/00000000-0000-4000-8000-000000000000`, admin, { role: 'editor' })).statusCode).toBe(404);
    expect((await inject('PATCH', `/api/admin/accounts/${adminId}`, admin, { role: 'editor' })).statusCode).toBe(400);
  });

  it('scopes editors to their tenant: an editor of organisation A never edits B', async () => {
    const editor = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    const body = (await me(editor)).json();
    expect(body.scopes).toEqual([{ organisation_id: DEMO_EDITOR_ORGANISATION, team_id: null }]);
    const own = await database.db.selectFrom('teams').select('id').where('organisation_id', '=', DEMO_EDITOR_ORGANISATION).executeTakeFirstOrThrow();
    const other = await database.db.selectFrom('teams').select(['id', 'organisation_id']).where('organisation_id', '<>', DEMO_EDITOR_ORGANISATION).executeTakeFirstOrThrow();
    const { loadAudience } = await import('../../server/auth/auth.queries');
    const editorRow = await database.db.selectFrom('accounts').select(['id', 'person_id']).where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow();
    const audience = await loadAudience(database.db, { accountId: editorRow.id, role: 'editor', personId: editorRow.person_id });
    const team = (id: string, organisationId: string) => ({ kind: 'team' as const, id, archived: false, organisationId });
    const organisation = (id: string) => ({ kind: 'organisation' as const, id, archived: false, organisationId: id });
    expect(may(audience, 'edit', team(own.id, DEMO_EDITOR_ORGANISATION))).toBe(true);
    expect(may(audience, 'edit', organisation(DEMO_EDITOR_ORGANISATION))).toBe(true);
    expect(may(audience, 'edit', team(other.id, other.organisation_id))).toBe(false);
    expect(may(audience, 'edit', organisation(other.organisation_id))).toBe(false);
    expect(may({ kind: 'anonymous' }, 'edit', organisation(DEMO_EDITOR_ORGANISATION))).toBe(false);
  });

  it('deactivation ends every session of the account at once (audited)', async () => {
    const victim = await createAccount(database.db, { email: 'leaving@example.nl', password: PASSWORD, role: 'professional' });
    const s1 = await signIn(app, 'leaving@example.nl', PASSWORD);
    const s2 = await signIn(app, 'leaving@example.nl', PASSWORD);
    expect((await inject('PATCH', `/api/admin/accounts/${victim}`, admin, { deactivated: true })).json().deactivated_at).not.toBeNull();
    expect((await me(s1)).statusCode).toBe(401);
    expect((await me(s2)).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leaving@example.nl', password: PASSWORD } })).statusCode).toBe(401);
    const rows = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'account_deactivate').where('entity_id', '=', victim).execute();
    expect(rows[0]).toMatchObject({ actor_account_id: adminId, meta: { sessions_revoked: 2 } });
  });

  it('lets an admin sign an account out everywhere (audited)', async () => {
    const id = await createAccount(database.db, { email: 'lost-phone@example.nl', password: PASSWORD, role: 'professional' });
    const s1 = await signIn(app, 'lost-phone@example.nl', PASSWORD);
    const res = await inject('POST', `/api/admin/accounts/${id}/revoke-sessions`, admin);
    expect(res.json()).toEqual({ revoked: 1 });
    expect((await me(s1)).statusCode).toBe(401);
    expect((await inject('POST', `/api/admin/accounts/${id}/revoke-sessions`, s1)).statusCode).toBe(401);
    const row = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'sessions_revoke_by_admin').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor_account_id: adminId, entity_id: id });
  });

  it('changes the own password: checks the current one and the policy, ends the other sessions', async () => {
    await createAccount(database.db, { email: 'mover@example.nl', password: PASSWORD, role: 'professional' });
    const here = await signIn(app, 'mover@example.nl', PASSWORD);
    const there = await signIn(app, 'mover@example.nl', PASSWORD);
    expect((await inject('POST', '/api/auth/password', here, { current_password: 'not-it-at-all', new_password: NEW_PASSWORD })).json().error).toBe('wrong_password');
    const weak = await inject('POST', '/api/auth/password', here, { current_password: PASSWORD, new_password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toBe('weak_password');
    const ok = await inject('POST', '/api/auth/password', here, { current_password: PASSWORD, new_password: NEW_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().other_sessions_revoked).toBe(1);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(there)).statusCode).toBe(401);
    await expect(signIn(app, 'mover@example.nl', PASSWORD)).rejects.toThrow(/401/);
    await signIn(app, 'mover@example.nl', NEW_PASSWORD);
  });

  it('lists, ends one, and ends all own sessions', async () => {
    await createAccount(database.db, { email: 'many@example.nl', password: PASSWORD, role: 'professional' });
    const one = await signIn(app, 'many@example.nl', PASSWORD, { 'user-agent': 'Phone' });
    const two = await signIn(app, 'many@example.nl', PASSWORD, { 'user-agent': 'Laptop' });
    const list = (await inject('GET', '/api/auth/sessions', two)).json().items;
    expect(list).toHaveLength(2);
    const phone = list.find((s: { user_agent: string }) => s.user_agent === 'Phone');
    expect(list.find((s: { current: boolean }) => s.current).user_agent).toBe('Laptop');
    expect((await inject('DELETE', `/api/auth/sessions/${phone.id}`, two)).statusCode).toBe(204);
    expect((await me(one)).statusCode).toBe(401);
    // Someone else's session id is a 404, not a way to sign them out.
    const adminSession = (await me(admin)).json().session.id;
    expect((await inject('DELETE', `/api/auth/sessions/${adminSession}`, two)).statusCode).toBe(404);
    expect((await me(admin)).statusCode).toBe(200);
    const three = await signIn(app, 'many@example.nl', PASSWORD);
    const all = await inject('POST', '/api/auth/sessions/revoke-all', three);
    expect(all.json().revoked).toBe(2);
    expect(sessionCookieFrom(all.headers['set-cookie'])).toBe('wijkweb_session=');
    expect((await me(two)).statusCode).toBe(401);
    expect((await me(three)).statusCode).toBe(401);
  });

  it('audits sign-in, failure, sign-out and the rest, with who and when, never a secret', async () => {
    const id = await createAccount(database.db, { email: 'audited@example.nl', password: PASSWORD, role: 'professional' });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'audited@example.nl', password: 'wrong-wrong-wrong' } });
    const cookie = await signIn(app, 'audited@example.nl', PASSWORD);
    await inject('POST', '/api/auth/logout', cookie);
    const res = await inject('GET', `/api/admin/audit?per_page=100`, admin);
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.filter((r: { entity_id: string; actor_account_id: string }) => r.actor_account_id === id || r.entity_id === id);
    expect(mine.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['login_failed', 'login', 'logout']));
    for (const r of mine) expect(Date.parse(r.at)).toBeGreaterThan(Date.now() - 60_000);
    const byActor = (await inject('GET', `/api/admin/audit?actor=${id}&action=login`, admin)).json();
    expect(byActor.total).toBe(1);
    // No hash, token or password anywhere in the whole log.
    const all = await database.db.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(all);
    const tokens = (await database.db.selectFrom('sessions').select('token_hash').execute()).map((s) => s.token_hash);
    expect(text).not.toMatch(/argon2|wrong-wrong|lange-zin|paarse olifant/);
    for (const t of tokens) expect(text).not.toContain(t);
    expect(text).not.toContain(cookie.split('=')[1]!);
  });

  it('auditMobileViews writes one view_mobile row naming each person once, none for anonymous', async () => {
    const people = await database.db.selectFrom('people').select('id').limit(2).execute();
    const ids = people.map((p) => p.id);
    await auditMobileViews(database.db, { kind: 'anonymous' }, ids);
    await auditMobileViews(database.db, { kind: 'professional', accountId: profId, personId: null, teamIds: [], organisationIds: [] }, [...ids, ids[0]!]);
    const rows = await database.db.selectFrom('audit_log').select(['entity_type', 'entity_id', 'actor_account_id', 'meta']).where('action', '=', 'view_mobile').execute();
    expect(rows.length).toBe(1);
    expect(await peopleInView(database.db, rows[0]!)).toEqual([...ids].sort());
    expect(rows[0]!.meta).toEqual({ count: 2 });
    expect(rows[0]!.actor_account_id).toBe(profId);
  });
});
