// The verwijswijzer (issue 18): the demo's five pathways resolve for every demo buurt to the
// team serving it (or say "geen team van dit soort hier" and name the nearest), residents never
// read a 06 number in them, professional pathways need a sign-in, and pathways are edited like
// every record: admins only, If-Match, 412 when stale, history and "klopt nog". They go out in
// the CSV export and come back through the import (admins only), unchanged when unedited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';
import { BUURTEN } from '../../seeds/demo/areas';
import { DEMO_PATHWAYS } from '../../seeds/demo/pathways';

let t: TestApp;
let admin: string;
let professional: string;
let editor: string;
const MOBILE = /\b06[- ]?\d{4}[- ]?\d{4}\b/;

const post = (url: string, cookie: string, body: string) =>
  t.app.inject({ method: 'POST', url, headers: { cookie, origin: 'http://localhost:80', 'content-type': 'text/csv' }, payload: body });
const write = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, origin: 'http://localhost:80', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    payload: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  professional = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
});
afterAll(async () => { await t?.close(); });

describe(`pathways on ${TEST_BACKEND}`, () => {
  it('lists the five demo pathways, residents in their own words', async () => {
    const pro = await getJson(t.app, '/api/pathways', { cookie: professional });
    expect(pro.status).toBe(200);
    expect(pro.body.items.map((p: { key: string }) => p.key)).toEqual(DEMO_PATHWAYS.map((p) => p.key));
    const resident = await getJson(t.app, '/api/pathways');
    expect(resident.body.items.find((p: { key: string }) => p.key === 'jeugdige').title).toBe('Zorgen over uw kind');
    const onTopic = await getJson(t.app, '/api/pathways?topic=debts');
    expect(onTopic.body.items.map((p: { key: string }) => p.key)).toEqual(['schulden']);
  });

  it('resolves every team step for every demo buurt to a team serving it, or names the nearest', async () => {
    const db = t.database.db;
    const served = await db.selectFrom('team_areas').select(['team_id', 'area_code']).execute();
    const serves = (team: string, buurt: string) => served.some((s) => s.team_id === team && s.area_code === buurt);
    const missingSeen = new Set<string>();
    for (const buurt of BUURTEN) {
      const res = await getJson(t.app, `/api/pathways/at?area=${buurt.code}`, { cookie: professional });
      expect(res.status, res.raw).toBe(200);
      expect(res.body.items).toHaveLength(5);
      for (const pathway of res.body.items) {
        expect(pathway.area.buurt.code).toBe(buurt.code);
        for (const step of pathway.steps.filter((s: { kind: string }) => s.kind === 'team')) {
          if (step.team) {
            expect(serves(step.team.id, buurt.code), `${pathway.key} ${step.team.name} in ${buurt.name}`).toBe(true);
            expect(step.team.team_type).toBe(step.team_type);
          } else {
            expect(step.missing.message).toBe('Geen team van dit soort hier');
            expect(step.missing.nearest.team_type).toBe(step.team_type);
            missingSeen.add(`${step.team_type}@${buurt.key}`);
          }
        }
      }
      const jeugd = res.body.items.find((p: { key: string }) => p.key === 'jeugdige');
      const first = jeugd.steps.find((s: { kind: string }) => s.kind === 'team');
      expect(first.team.name).toBe('Jeugd- en Gezinsteam Lindeburg-Oost');
      expect(first.contact.name).toBe('Ilse Peters');
      expect(first.phone).toBe('036-5392400');
      // the meldcode's steps are there for professionals, with Veilig Thuis as a fixed line
      const meldcode = res.body.items.find((p: { key: string }) => p.key === 'huiselijk_geweld');
      expect(meldcode.steps.filter((s: { action: string }) => s.action.startsWith('Stap '))).toHaveLength(5);
      expect(meldcode.steps.some((s: { phone: string | null }) => s.phone === '0800-2000')).toBe(true);
    }
    // the demo has one bewonersvereniging (Lindehof): the other buurten get the nearest one
    expect(missingSeen.has('residents_association@lindehof')).toBe(false);
    expect(missingSeen.has('residents_association@beekdal')).toBe(true);
    const esch = await getJson(t.app, '/api/pathways/eenzame_oudere?area=BU99010107', { cookie: professional });
    const association = esch.body.steps.find((s: { team_type: string }) => s.team_type === 'residents_association');
    expect(association.missing.nearest.name).toBe('Bewonersvereniging Lindehof Leeft');
  });

  it('resolves by postcode and number through the lookup (PC4 area while the geocoder is away)', async () => {
    const res = await getJson(t.app, '/api/pathways/jeugdige?postcode=1372AB&number=12', { cookie: professional });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.area.buurt?.name ?? null).toBe('Lindehof');
    expect(res.body.area.approximate).toBe(true);
    const bad = await getJson(t.app, '/api/pathways/jeugdige?postcode=12&number=1');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('postcode');
  });

  it('shows residents no 06 number and no professional step; a professional sees the contact person\'s 06', async () => {
    for (const buurt of BUURTEN) {
      const res = await getJson(t.app, `/api/pathways/at?area=${buurt.code}`);
      expect(res.status).toBe(200);
      expect(res.raw).not.toMatch(MOBILE);
      expect(res.raw).not.toContain('phone_mobile');
      expect(res.raw).not.toContain('Stap 1');
      expect(res.headers['cache-control']).toContain('no-store');
    }
    const pro = await getJson(t.app, '/api/pathways/jeugdige?area=BU99010102', { cookie: professional });
    const contact = pro.body.steps.find((s: { kind: string }) => s.kind === 'team').contact;
    expect(contact.shown_to).toBe('professionals');
    expect(contact.phone_mobile).toMatch(MOBILE);
  });

  it('keeps professional pathways for signed-in accounts', async () => {
    const body = {
      key: 'verward_gedrag', audience: 'professionals', title: 'Verward gedrag op straat', situation: 'Iemand gedraagt zich verward in de openbare ruimte.',
      steps: [{ action: 'Bel bij spoed', when: 'bij gevaar', target: { kind: 'service', name: '112', phone: '112' } },
        { action: 'Overleg met', target: { kind: 'team_type', team_type: 'police' } }],
    };
    const created = await write('POST', '/api/pathways', admin, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect((await write('POST', '/api/pathways', professional, { ...body, key: 'nog_een' })).statusCode).toBe(403);
    expect((await write('POST', '/api/pathways', editor, { ...body, key: 'nog_een' })).statusCode).toBe(403);
    expect((await getJson(t.app, '/api/pathways/verward_gedrag')).status).toBe(401);
    expect((await getJson(t.app, '/api/pathways/verward_gedrag?area=BU99010101')).status).toBe(401);
    expect((await getJson(t.app, '/api/pathways')).body.items.map((p: { key: string }) => p.key)).not.toContain('verward_gedrag');
    expect((await getJson(t.app, '/api/pathways/at?area=BU99010101')).body.items.map((p: { key: string }) => p.key)).not.toContain('verward_gedrag');
    const pro = await getJson(t.app, '/api/pathways/verward_gedrag?area=BU99010101', { cookie: professional });
    expect(pro.status).toBe(200);
    expect(pro.body.steps[1].team.name).toBe('Wijkagenten Lindeburg-Oost');
  });

  it('edits with If-Match: 428 without, 412 when stale, 403 for a professional or editor; history and "klopt nog"', async () => {
    const read = await getJson(t.app, '/api/pathways/schulden', { cookie: admin });
    expect(read.status).toBe(200);
    expect(read.body.may).toEqual({ edit: true, verify: true, archive: true });
    const tag = read.headers.etag as string;
    const change = { situation: `${read.body.situation} Bel bij een afsluiting meteen.` };
    expect((await write('PATCH', '/api/pathways/schulden', admin, change)).statusCode).toBe(428);
    expect((await write('PATCH', '/api/pathways/schulden', professional, change, { 'if-match': tag })).statusCode).toBe(403);
    expect((await write('PATCH', '/api/pathways/schulden', editor, change, { 'if-match': tag })).statusCode).toBe(403);
    expect((await write('PATCH', '/api/pathways/schulden', 'x=y', change, { 'if-match': tag })).statusCode).toBe(401);
    const ok = await write('PATCH', '/api/pathways/schulden', admin, change, { 'if-match': tag });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).not.toBe(tag);
    const stale = await write('PATCH', '/api/pathways/schulden', admin, { title: 'Schulden' }, { 'if-match': tag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.situation).toBe(change.situation);
    const badType = await write('PATCH', '/api/pathways/schulden', admin, { steps: [{ action: 'Bel', target: { kind: 'team_type', team_type: 'geen_type' } }] }, { 'if-match': ok.headers.etag as string });
    expect(badType.statusCode).toBe(400);
    const verified = await write('POST', '/api/pathways/schulden/verify', admin, undefined, { 'if-match': ok.headers.etag as string });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().stale).toBe(false);
    const history = await getJson(t.app, '/api/pathways/schulden/history', { cookie: admin });
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['pathway.verify', 'pathway.update']);
    expect(history.body.items[1].changes.map((c: { field: string }) => c.field)).toEqual(['situation']);
    expect((await getJson(t.app, '/api/pathways/schulden/history', { cookie: professional })).status).toBe(403);
    expect(read.body.may).toBeDefined();
    expect((await getJson(t.app, '/api/pathways/schulden', { cookie: professional })).body.may).toEqual({ edit: false, verify: false, archive: false });
  });

  it('lists on a team page the pathways in which the team is a step', async () => {
    const jgt = await t.database.db.selectFrom('teams').select('id').where('name', '=', 'Jeugd- en Gezinsteam Lindeburg-Oost').executeTakeFirstOrThrow();
    const resident = await getJson(t.app, `/api/pathways?team=${jgt.id}`);
    expect(resident.body.items.map((p: { key: string }) => p.key)).toEqual(['jeugdige']);
    const pro = await getJson(t.app, `/api/pathways?team=${jgt.id}`, { cookie: professional });
    expect(pro.body.items.map((p: { key: string }) => p.key)).toEqual(['jeugdige', 'huiselijk_geweld']);
  });
});

describe(`pathways in CSV on ${TEST_BACKEND}`, () => {
  it('exports, imports back unchanged, applies an edit, and refuses editors', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/export/pathways.csv', headers: { cookie: admin } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('verwijsroutes.csv');
    const csv = exported.body;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(7); // header, the five demo pathways and verward_gedrag (above)
    expect(csv).toContain('0800-2000');

    const same = await post('/api/import/pathways.csv', admin, csv);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6 });

    const edited = csv.replace('Geldzorgen en schulden', 'Geldzorgen, schulden');
    const dry = await post('/api/import/pathways.csv?dry_run=1', admin, edited);
    expect(dry.json()).toMatchObject({ dry_run: true, created: 0, updated: 1 });
    expect((await getJson(t.app, '/api/pathways/schulden', { cookie: admin })).body.title).toBe('Geldzorgen en schulden');
    const applied = await post('/api/import/pathways.csv', admin, edited);
    expect(applied.json()).toMatchObject({ created: 0, updated: 1 });
    expect((await getJson(t.app, '/api/pathways/schulden', { cookie: admin })).body.title).toBe('Geldzorgen, schulden');
    const again = (await t.app.inject({ method: 'GET', url: '/api/export/pathways.csv', headers: { cookie: admin } })).body;
    expect(again).toBe(edited);
    expect((await post('/api/import/pathways.csv', admin, again)).json()).toMatchObject({ updated: 0 });

    const refused = await post('/api/import/pathways.csv?dry_run=1', editor, csv);
    expect(refused.json().errors[0]).toMatchObject({ column: 'extern_id', message: 'alleen een beheerder mag verwijsroutes importeren' });
    const badStep = csv.split('\r\n').slice(0, 2).join('\r\n').replace(/team_type"":""[a-z_]+""/, 'team_type"":""geen_soort""') + '\r\n';
    const bad = await post('/api/import/pathways.csv?dry_run=1', admin, badStep);
    expect(bad.json().errors[0]).toMatchObject({ row: 2, column: 'stappen' });
  });

  it('gives residents only the pathways written for them', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/pathways', headers: { cookie: admin, origin: 'http://localhost:80', 'content-type': 'application/json' },
      payload: JSON.stringify({ key: 'alleen_pro', audience: 'professionals', title: 'Alleen voor professionals', situation: 'x', steps: [{ action: 'Bel', target: { kind: 'instruction' } }] }) });
    expect(created.statusCode).toBe(201);
    const resident = (await t.app.inject({ method: 'GET', url: '/api/export/pathways.csv' })).body;
    expect(resident).not.toContain('alleen_pro');
    expect(resident).toContain('jeugdige');
    expect((await t.app.inject({ method: 'GET', url: '/api/export/pathways.csv', headers: { cookie: editor } })).body).toContain('alleen_pro');
  });
});
