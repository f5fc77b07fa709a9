// A record's history: field-level before/after for changes made through the API, newest
// first, with the actor's e-mail (or "verwijderd"); only for the record's editors and
// admins: 401 for residents, 403 for professionals and other organisations' editors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';
import { isCurrentMembership } from '../../server/domain/membership';
import { diffSnapshots } from '../../server/history/history.queries';

let t: TestApp;
let editor: string;
let other: string;
let professional: string;
let admin: string;
let team: { id: string; name: string; description: string };
let personId: string;

const write = (method: 'PATCH' | 'POST', url: string, cookie: string, etag: string, body?: unknown) => t.app.inject({
  method, url, payload: body === undefined ? undefined : JSON.stringify(body),
  headers: { cookie, origin: 'http://localhost:80', 'if-match': etag, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  team = await db.selectFrom('teams').select(['id', 'name', 'description']).where('organisation_id', '=', DEMO_EDITOR_ORGANISATION).orderBy('id').executeTakeFirstOrThrow();
  personId = (await db.selectFrom('memberships as m').select('m.person_id').where('m.team_id', '=', team.id).where(isCurrentMembership('m')).orderBy('m.person_id').executeTakeFirstOrThrow()).person_id;
  const elsewhere = await db.selectFrom('organisations').select('id').where('id', '!=', DEMO_EDITOR_ORGANISATION).orderBy('id').executeTakeFirstOrThrow();
  await createAccount(db, { email: 'other-editor@test.invalid', role: 'editor', scopes: [{ organisationId: elsewhere.id }] });
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  other = await signIn(t.app, 'other-editor@test.invalid', 'correct horse battery staple');
  professional = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
});
afterAll(async () => { await t?.close(); });

describe(`history on ${TEST_BACKEND}`, () => {
  it('diffs snapshots field by field, ignoring bookkeeping', () => {
    expect(diffSnapshots({ name: 'A', version: 1, topics: ['x'] }, { name: 'B', version: 2, topics: ['x'] })).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
    expect(diffSnapshots(null, { last_verified_at: '2026-01-01' })).toEqual([{ field: 'last_verified_at', before: null, after: '2026-01-01' }]);
  });

  it('shows a PATCH made through the API with before and after, newest first', async () => {
    const read = await getJson(t.app, `/api/teams/${team.id}`, { cookie: editor });
    const patched = await write('PATCH', `/api/teams/${team.id}`, editor, read.headers.etag as string, { name: `${team.name} Noord`, walk_in_hours: 'ma 9-12' });
    expect(patched.statusCode, patched.body).toBe(200);
    const verified = await write('POST', `/api/teams/${team.id}/verify`, editor, patched.headers.etag as string);
    expect(verified.statusCode, verified.body).toBe(200);

    const res = await getJson(t.app, `/api/teams/${team.id}/history`, { cookie: editor });
    expect(res.status, res.raw).toBe(200);
    const [newest, update] = res.body.items;
    expect(newest).toMatchObject({ action: 'team.verify', actor: DEMO_ACCOUNTS.editor.email });
    expect(update).toMatchObject({ action: 'team.update', actor: DEMO_ACCOUNTS.editor.email });
    expect(update.changes).toContainEqual({ field: 'name', before: team.name, after: `${team.name} Noord` });
    expect(update.changes.find((c: { field: string }) => c.field === 'walk_in_hours')?.after).toBe('ma 9-12');
    expect(update.changes.map((c: { field: string }) => c.field)).not.toContain('description'); // unchanged
    expect(new Date(newest.at).getTime()).toBeGreaterThanOrEqual(new Date(update.at).getTime());
    // the admin reads it too
    expect((await getJson(t.app, `/api/teams/${team.id}/history`, { cookie: admin })).status).toBe(200);
  });

  it('is 401 for residents, 403 for professionals and for another organisation\'s editor', async () => {
    for (const url of [`/api/teams/${team.id}/history`, `/api/people/${personId}/history`, `/api/organisations/${DEMO_EDITOR_ORGANISATION}/history`]) {
      expect((await getJson(t.app, url)).status, url).toBe(401);
      expect((await getJson(t.app, url, { cookie: professional })).status, url).toBe(403);
      expect((await getJson(t.app, url, { cookie: other })).status, url).toBe(403);
    }
    expect((await getJson(t.app, '/api/teams/00000000-0000-4000-8000-000000000000/history', { cookie: editor })).status).toBe(404);
  });

  it('shows a person\'s changes, team-level notes included, to the editor of their team', async () => {
    const read = await getJson(t.app, `/api/people/${personId}`, { cookie: editor });
    const res = await write('PATCH', `/api/people/${personId}`, editor, read.headers.etag as string, { private_notes: 'Alleen voor het team', job_title: 'Wijkcoach' });
    expect(res.statusCode, res.body).toBe(200);
    const history = await getJson(t.app, `/api/people/${personId}/history`, { cookie: editor });
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({ action: 'person.update', actor: DEMO_ACCOUNTS.editor.email });
    expect(history.body.items[0].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'private_notes', after: 'Alleen voor het team' })]));
  });

  it('names a deleted actor "verwijderd"', async () => {
    const db = t.database.db;
    const id = await createAccount(db, { email: 'gone@test.invalid', role: 'editor', scopes: [{ organisationId: DEMO_EDITOR_ORGANISATION }] });
    const gone = await signIn(t.app, 'gone@test.invalid', 'correct horse battery staple');
    const read = await getJson(t.app, `/api/teams/${team.id}`, { cookie: gone });
    expect((await write('PATCH', `/api/teams/${team.id}`, gone, read.headers.etag as string, { description: 'Nieuw' })).statusCode).toBe(200);
    await db.deleteFrom('sessions').where('account_id', '=', id).execute();
    await db.deleteFrom('account_scopes').where('account_id', '=', id).execute();
    await db.deleteFrom('accounts').where('id', '=', id).execute();
    const res = await getJson(t.app, `/api/teams/${team.id}/history`, { cookie: editor });
    expect(res.body.items[0]).toMatchObject({ action: 'team.update', actor: 'verwijderd', changes: [{ field: 'description', before: team.description, after: 'Nieuw' }] });
  });
});
