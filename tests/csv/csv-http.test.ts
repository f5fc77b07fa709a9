// The import route end to end for signed-in audiences: the demo professional, editor (of
// one organisation) and admin sign in through the API like a browser would.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';
import { IMPORT_ORDER } from '../../server/csv/csv.registry';

let t: TestApp;
const ownOrg = DEMO_EDITOR_ORGANISATION;
const cookies: Record<'professional' | 'editor' | 'admin', string> = { professional: '', editor: '', admin: '' };

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['professional', 'editor', 'admin'] as const) cookies[role] = await signIn(t.app, DEMO_ACCOUNTS[role].email, DEMO_ACCOUNTS[role].password);
});
afterAll(async () => { await t?.close(); });

const who = (role: 'professional' | 'editor' | 'admin') => cookies[role];
const post = (url: string, cookie: string, payload: string, type = 'text/csv') =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': type, cookie }, payload });

describe('POST /api/import/{kind}.csv', () => {
  it('answers 401 to a resident, 403 to a professional and 415 to an editor sending JSON', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/import/organisations.csv?dry_run=1', headers: { 'content-type': 'text/csv' }, payload: 'extern_id;naam\r\n' })).statusCode).toBe(401);
    expect((await post('/api/import/organisations.csv?dry_run=1', who('professional'), 'extern_id;naam\r\n')).statusCode).toBe(403);
    expect((await post('/api/import/organisations.csv?dry_run=1', who('editor'), '{}', 'application/json')).statusCode).toBe(415);
  });

  it('dry run: 200 with every error by row and column; apply: 400 naming them, nothing written', async () => {
    const file = 'extern_id;naam;website\r\nA-1;Een;https://een.example\r\nA-2;;geen-url\r\n';
    const dry = await post('/api/import/organisations.csv?dry_run=1', who('admin'), file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dry_run: true, applied: false, rows: 2, errors: [{ row: 3, column: 'naam' }, { row: 3, column: 'website' }] });
    const apply = await post('/api/import/organisations.csv', who('admin'), file);
    expect(apply.statusCode).toBe(400);
    expect(apply.json()).toMatchObject({ error: 'invalid_csv', details: [{ field: 'naam', row: 3 }, { field: 'website', row: 3 }] });
    expect(await t.database.db.selectFrom('organisations').select('id').where('external_id', '=', 'A-1').executeTakeFirst()).toBeUndefined();
  });

  it('an editor updates their own organisation over HTTP; the export guards formulas and round-trips them', async () => {
    const file = `extern_id;naam;telefoon\r\n${ownOrg};Eigen organisatie;'+31 20 123 4567\r\n`;
    const res = await post('/api/import/organisations.csv', who('editor'), file);
    expect(res.json()).toMatchObject({ applied: true, updated: 1, errors: [] });
    const row = await t.database.db.selectFrom('organisations').select(['name', 'phone']).where('id', '=', ownOrg).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Eigen organisatie', phone: '+31 20 123 4567' });
    const csv = (await t.app.inject({ method: 'GET', url: '/api/export/organisations.csv' })).body;
    expect(csv.split('\r\n').find((l) => l.startsWith(`${ownOrg};Eigen organisatie;`))).toMatch(/;'\+31 20 123 4567;/);
    expect((await post('/api/import/organisations.csv', who('admin'), csv)).json()).toMatchObject({ updated: 0, created: 0 });
  });

  it('refuses a body over 10 MB with 413', async () => {
    const big = `extern_id;naam\r\n${'x;y\r\n'.repeat(2_700_000)}`;
    expect((await post('/api/import/organisations.csv?dry_run=1', who('admin'), big)).statusCode).toBe(413);
  });
});

describe('server/csv/FORMAT.md', () => {
  it('documents every column of every kind', () => {
    const doc = readFileSync(new URL('../../server/csv/FORMAT.md', import.meta.url), 'utf8');
    for (const kind of IMPORT_ORDER) for (const c of kind.columns) expect(doc, `${kind.name}.${c.header}`).toContain(`| \`${c.header}\` | ${c.required ? 'ja' : ''} |`);
  });
});
