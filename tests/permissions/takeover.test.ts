// The two takeover chains of issue 14, as plain regression tests. Each step was allowed on
// its own before; chained, an editor of organisation A adopted a person (or a location) of
// organisation B. Now a team may only *ask* for someone employed elsewhere, the person's own
// record stays with their employer, and a linked location stays with its owner.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { TEST_BACKEND } from '../helpers/db';
import { createWorld, type World } from '../helpers/ownership-world';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function call(method: Method, url: string, who: Record<string, string>, body?: unknown, etag?: string) {
  const res = await t.app.inject({
    method, url, headers: { ...who, ...(etag ? { 'if-match': etag } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body || 'null') : null, etag: res.headers.etag as string | undefined };
}
const etagOf = async (url: string, who: Record<string, string>) => (await call('GET', url, who)).etag!;

describe(`takeover chains are refused (${TEST_BACKEND})`, () => {
  let w: World;
  beforeAll(async () => { w = await createWorld(t.database.db); });

  it('adding another organisation\'s person to one\'s team only asks; it gives no rights over them and shows nowhere', async () => {
    const { editorA, editorB } = w.cookies;
    const created = await call('POST', '/api/memberships', editorA, { person_id: w.personB, team_id: w.teamA, role: 'lid' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'requested', current: false, may: { accept: false } });
    const membership = created.body.id as string;

    // the person's own record stays their employer's
    const person = `/api/people/${w.personB}`;
    expect((await call('PATCH', person, editorA, { job_title: 'overgenomen', phone_mobile: '06-99999999' }, await etagOf(person, editorB))).status).toBe(403);
    expect((await call('DELETE', `${person}/photo`, editorA)).status).toBe(403);
    expect((await call('DELETE', person, editorA, undefined, await etagOf(person, editorB))).status).toBe(403);
    expect((await call('POST', `${person}/verify`, editorA, undefined, await etagOf(person, editorB))).status).toBe(403);
    expect((await call('GET', `${person}/history`, editorA)).status).toBe(403);
    const invite = await call('POST', '/api/auth/invitations', editorA, { email: `overname-${w.tag}@example.org`, role: 'professional', person_id: w.personB });
    expect(invite.status).toBe(403);

    // a request counts nowhere: not in team A, not giving editor A the team-level fields
    const seen = (await call('GET', person, editorA)).body;
    expect(seen.person.phone_mobile ?? null).toBeNull();
    expect(seen.person.private_notes ?? null).toBeNull();
    const teamA = (await call('GET', `/api/teams/${w.teamA}`, editorA)).body;
    expect(JSON.stringify(teamA.members)).not.toContain(w.personB);
    expect(teamA.requested).toEqual([expect.objectContaining({ membership_id: membership, person: expect.objectContaining({ id: w.personB }), may: expect.objectContaining({ accept: false, edit: true }) })]);
    const anonymous = (await call('GET', `/api/teams/${w.teamA}`, {})).body;
    expect(anonymous).not.toHaveProperty('requested');
    expect(anonymous).not.toHaveProperty('may');
    expect(JSON.stringify((await call('GET', `/api/teams/${w.teamB}`, editorB)).body)).toContain(w.personB);
    // nor can the asking editor accept their own request
    expect((await call('POST', `/api/memberships/${membership}/accept`, editorA, undefined, await etagOf(`/api/memberships/${membership}`, editorA))).status).toBe(403);
    // the professional of organisation B does not even learn the request exists
    expect((await call('GET', `/api/memberships/${membership}`, w.cookies.professional)).status).toBe(404);
  });

  it('once the person\'s employer accepts, team A edits the membership, still never the person', async () => {
    const { editorA, editorB } = w.cookies;
    const created = await call('POST', '/api/memberships', editorA, { person_id: w.personB2, team_id: w.teamA, role: 'lid' });
    expect(created.body.status).toBe('requested');
    const url = `/api/memberships/${created.body.id}`;
    const asEmployer = await call('GET', url, editorB);
    expect(asEmployer.body.may).toMatchObject({ accept: true, edit: false });
    const accepted = await call('POST', `${url}/accept`, editorB, undefined, asEmployer.etag);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'current', current: true });

    expect((await call('PATCH', url, editorA, { role: 'gedetacheerd' }, await etagOf(url, editorA))).status).toBe(200);
    const person = `/api/people/${w.personB2}`;
    expect((await call('PATCH', person, editorA, { job_title: 'overgenomen' }, await etagOf(person, editorB))).status).toBe(403);
    expect((await call('PATCH', person, editorB, { job_title: 'ambulant begeleider' }, await etagOf(person, editorB))).status).toBe(200);
    expect(JSON.stringify((await call('GET', `/api/teams/${w.teamA}`, editorA)).body.members)).toContain(w.personB2);
    // ending it is the team's act, one way: until defaults to today
    const ended = await call('POST', `${url}/end`, editorA, {}, await etagOf(url, editorA));
    expect(ended.status).toBe(200);
    expect(ended.body.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await call('PATCH', url, editorA, { until: '2099-01-01' }, await etagOf(url, editorA))).status).toBe(400);
  });

  it('the person themself may accept a request', async () => {
    const { editorA, professional } = w.cookies;
    const other = await createWorld(t.database.db);
    const created = await call('POST', '/api/memberships', other.cookies.editorA, { person_id: w.personB2, team_id: other.teamA, role: 'lid' });
    expect(created.body.status).toBe('requested');
    const url = `/api/memberships/${created.body.id}`;
    expect((await call('POST', `${url}/accept`, editorA, undefined, await etagOf(url, other.cookies.editorA))).status).toBe(404);
    expect((await call('POST', `${url}/accept`, professional, undefined, await etagOf(url, professional))).body.status).toBe('current');
  });

  it('linking another organisation\'s location to one\'s team is fine; editing or verifying it is not', async () => {
    const { editorA, editorB } = w.cookies;
    const team = `/api/teams/${w.teamA}`;
    const linked = await call('PATCH', team, editorA, { location_ids: [w.locationA, w.locationB] }, await etagOf(team, editorA));
    expect(linked.status).toBe(200);
    const location = `/api/locations/${w.locationB}`;
    const read = await call('GET', location, editorA);
    expect(read.body.may).toEqual({ edit: false, verify: false, archive: false });
    expect((await call('PATCH', location, editorA, { name: 'Ons pand' }, read.etag)).status).toBe(403);
    expect((await call('POST', `${location}/verify`, editorA, undefined, read.etag)).status).toBe(403);
    expect((await call('DELETE', location, editorA, undefined, read.etag)).status).toBe(403);
    expect((await call('GET', `${location}/history`, editorA)).status).toBe(403);
    // the owner still keeps it
    expect((await call('GET', location, editorB)).body.may).toEqual({ edit: true, verify: true, archive: true });
    expect((await call('PATCH', location, editorB, { name: 'Pand B' }, await etagOf(location, editorB))).status).toBe(200);
  });

  it('residents get no may flags', async () => {
    const read = await call('GET', `/api/locations/${w.locationA}`, {});
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('may');
  });

  it('the employer\'s editor uploads a photo only with the person\'s consent; another organisation never', async () => {
    const { editorA, editorB } = w.cookies;
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#4a8' } }).png().toBuffer();
    const upload = (who: Record<string, string>) => t.app.inject({ method: 'POST', url: `/api/people/${w.personB}/photo`, headers: { ...who, 'content-type': 'image/png' }, payload: png });
    expect((await upload(editorB)).statusCode).toBe(409);
    await t.database.db.updateTable('people').set({ photo_consent: true }).where('id', '=', w.personB).execute();
    expect((await upload(editorA)).statusCode).toBe(403);
    expect((await upload(editorB)).statusCode).toBe(201);
  });
});
