// History in words: the answer names the buurten, locations and organisations its values
// refer to, so an editor reads "De Esch" instead of a CBS code or a UUID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seeds/ids';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
let editor: string;
const team = stableId('team', 'wijkteam_oost'); // the demo editor's organisation

beforeAll(async () => {
  t = await createTestApp();
  editor = await signIn(t.app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
});
afterAll(async () => { await t?.close(); });

describe(`history in words on ${TEST_BACKEND}`, () => {
  it('names the buurten and locations a change refers to', async () => {
    const db = t.database.db;
    const areas = (await db.selectFrom('team_areas').select('area_code').where('team_id', '=', team).execute()).map((r) => r.area_code);
    const other = (await db.selectFrom('areas').select(['code', 'name']).where('kind', '=', 'buurt').execute()).find((a) => !areas.includes(a.code))!;
    const own = (await db.selectFrom('team_locations').select('location_id').where('team_id', '=', team).execute()).map((r) => r.location_id);
    const location = (await db.selectFrom('locations').select(['id', 'street']).orderBy('id').execute()).find((l) => !own.includes(l.id))!;
    const etag = (await getJson(t.app, `/api/teams/${team}`, { cookie: editor })).headers.etag as string;
    const res = await t.app.inject({
      method: 'PATCH', url: `/api/teams/${team}`, payload: JSON.stringify({ areas: [...areas, other.code], location_ids: [...own, location.id], walk_in_hours: 'di 9-11' }),
      headers: { cookie: editor, origin: 'http://localhost:80', 'content-type': 'application/json', 'if-match': etag },
    });
    expect(res.statusCode, res.body).toBe(200);

    const history = await getJson(t.app, `/api/teams/${team}/history`, { cookie: editor });
    expect(history.status).toBe(200);
    const fields = history.body.items[0].changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['areas', 'location_ids', 'walk_in_hours']));
    expect(history.body.names[other.code]).toBe(other.name);
    for (const code of areas) expect(history.body.names[code], code).toEqual(expect.any(String));
    expect(history.body.names[location.id]).toContain(location.street);
  });
});
