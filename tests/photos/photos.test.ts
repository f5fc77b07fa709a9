// Portraits: accepted by content only, re-encoded to a small WebP without EXIF/GPS, stored
// in the database, served by hash, cached for at most a day — and only while the
// person's consent lasts for the audience asking.
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUURTEN } from '../../seeds/demo/areas';
import { pointInBuurt } from '../../seeds/demo/geometry';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';

let t: TestApp;
let app: FastifyInstance;
let personId: string;
let teamId: string;
let self: string; // cookie of the demo professional (person = personId)
let otherPro: string;
let editor: string; // demo editor: edits the organisation of personId's team
let foreignEditor: string;

const canary = 'GPS-CANARY-52N';
const jpegWithGps = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#8a4' } })
  .jpeg().withExif({ IFD0: { Copyright: canary, ImageDescription: canary }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 9/1 0/1' } }).toBuffer();

function upload(id: string, body: Buffer, type: string, cookie?: string, query = '') {
  return app.inject({ method: 'POST', url: `/api/people/${id}/photo${query}`, payload: body, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) } });
}
const storedBytes = async () => Buffer.from((await t.database.db.selectFrom('person_photos').select('bytes').where('person_id', '=', personId).executeTakeFirstOrThrow()).bytes);

/** Everything people-shaped the audience can fetch about the person's team, name and buurt. */
async function crawl(headers: Record<string, string>): Promise<string> {
  const db = t.database.db;
  const person = await db.selectFrom('people').select(['family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  const buurt = await db.selectFrom('team_areas').select('area_code').where('team_id', '=', teamId).executeTakeFirstOrThrow();
  const key = BUURTEN.find((b) => b.code === buurt.area_code)!.key;
  const { lat, lon } = pointInBuurt(key, 0.5, 0.5);
  const urls = [`/api/people/${personId}`, `/api/teams/${teamId}`, `/api/people?team=${teamId}`, `/api/search?q=${encodeURIComponent(person.family_name)}`,
    `/api/areas/${buurt.area_code}/people`, `/api/lookup?lat=${lat}&lon=${lon}`];
  const bodies = await Promise.all(urls.map(async (url) => {
    const res = await getJson(app, url, headers);
    expect([200, 404], `${url}: ${res.raw.slice(0, 200)}`).toContain(res.status);
    return res.raw;
  }));
  return bodies.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const db = t.database.db;
  const account = await db.selectFrom('accounts').select('person_id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow();
  personId = account.person_id!;
  const m = await db.selectFrom('memberships').select('team_id').where('person_id', '=', personId).executeTakeFirstOrThrow();
  teamId = m.team_id;
  // Start without any photo consent; public profile on so residents could see it once consented.
  await db.updateTable('people').set({ photo_consent: false, photo_url: null, public_profile: true }).where('id', '=', personId).execute();
  await db.updateTable('person_consents').set({ withdrawn_at: new Date() }).where('person_id', '=', personId).where('field', '=', 'photo').where('withdrawn_at', 'is', null).execute();
  // A contact person shows up in the address lookup too.
  await db.updateTable('memberships').set({ is_contact_person: true }).where('person_id', '=', personId).where('team_id', '=', teamId).execute();
  self = await signIn(app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
  editor = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
  const otherOrg = await db.selectFrom('teams').select(['organisation_id']).where('organisation_id', '!=',
    db.selectFrom('teams').select('organisation_id').where('id', '=', teamId)).executeTakeFirstOrThrow();
  await createAccount(db, { email: 'elders@test.nl', role: 'editor', scopes: [{ organisationId: otherOrg.organisation_id }] });
  foreignEditor = await signIn(app, 'elders@test.nl', 'correct horse battery staple');
  await createAccount(db, { email: 'collega@test.nl', role: 'professional' });
  otherPro = await signIn(app, 'collega@test.nl', 'correct horse battery staple');
});
afterAll(async () => { await t?.close(); });

describe('who may upload', () => {
  it('without photo consent: 409 consent_required saying how to give it', async () => {
    const res = await upload(personId, await jpegWithGps(), 'image/jpeg', editor);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('consent_required');
    expect(res.json().message).toMatch(/Mijn gegevens/);
    expect((await upload(personId, await jpegWithGps(), 'image/jpeg', self)).statusCode).toBe(409);
  });

  it('anonymous 401; a colleague or an editor of another organisation 403', async () => {
    const jpeg = await jpegWithGps();
    expect((await upload(personId, jpeg, 'image/jpeg')).statusCode).toBe(401);
    expect((await upload(personId, jpeg, 'image/jpeg', otherPro, '?consent=1')).statusCode).toBe(403);
    expect((await upload(personId, jpeg, 'image/jpeg', foreignEditor)).statusCode).toBe(403);
    expect((await upload('00000000-0000-4000-8000-000000000000', jpeg, 'image/jpeg', self)).statusCode).toBe(404);
  });

  it('the person themself with ?consent=1 records the consent with the upload', async () => {
    const res = await upload(personId, await jpegWithGps(), 'image/jpeg', self, '?consent=1');
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.database.db.selectFrom('people').select(['photo_consent', 'photo_url']).where('id', '=', personId).executeTakeFirstOrThrow();
    expect(row.photo_consent).toBe(true);
    expect(row.photo_url).toBe(res.json().photo_url);
    expect(res.json().photo_url).toMatch(/^\/api\/photos\/[0-9a-f]{64}\.webp$/);
  });
});

describe('what is stored', () => {
  it('a JPEG with EXIF GPS becomes a ≤512 px WebP without any metadata', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(input.includes(canary)).toBe(true);
    const res = await upload(personId, input, 'image/jpeg', editor);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 512, height: 341 });
    const stored = await storedBytes();
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 341 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    for (const needle of ['Exif', 'GPS', canary]) expect(stored.includes(needle)).toBe(false);
  });

  it('PNG and WebP are accepted and re-encoded; small images are not enlarged', async () => {
    const png = await sharp({ create: { width: 300, height: 900, channels: 4, background: '#3366cc80' } }).png().toBuffer();
    const res = await upload(personId, png, 'image/png', self);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 171, height: 512 });
    const webp = await sharp({ create: { width: 100, height: 60, channels: 3, background: '#c33' } }).webp().toBuffer();
    const again = await upload(personId, webp, 'image/webp', self);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ width: 100, height: 60 });
    expect(again.json().hash).not.toBe(res.json().hash);
    expect((await sharp(await storedBytes()).metadata()).format).toBe('webp');
  });

  it('the content decides, not the type sent: a PNG sent as image/jpeg is still a PNG, re-encoded', async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } }).png().toBuffer();
    const res = await upload(personId, png, 'image/jpeg', self);
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a text file named .jpg and sent as image/jpeg is refused (415); so are other body types', async () => {
    const text = await upload(personId, Buffer.from('Dit is geen foto maar tekst.\n'), 'image/jpeg', self);
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('unsupported_image');
    const gif = await upload(personId, Buffer.from('GIF89a\x01\x00\x01\x00<html><script>alert(1)</script></html>', 'latin1'), 'image/png', self);
    expect(gif.statusCode).toBe(415);
    const svg = await upload(personId, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', self);
    expect(svg.statusCode).toBe(415);
  });

  it('more than 5 MB: 413, whatever the content', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(personId, big, 'image/jpeg', self);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('polyglots: a JPEG header followed by HTML is refused; a JPEG with a script tail comes out as a clean WebP', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]);
    const refused = await upload(personId, fake, 'image/jpeg', self);
    expect([400, 415]).toContain(refused.statusCode);
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } }).jpeg().toBuffer();
    const tail = Buffer.concat([jpeg, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const res = await upload(personId, tail, 'image/jpeg', self);
    expect([201, 400]).toContain(res.statusCode);
    if (res.statusCode === 201) {
      const served = await app.inject({ method: 'GET', url: res.json().photo_url, headers: { cookie: otherPro } });
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(served.rawPayload.includes('<script')).toBe(false);
      expect(served.rawPayload.includes('<html')).toBe(false);
    }
  });

  it('the audit entry names the change, never the image bytes', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['actor_account_id', 'before', 'after'])
      .where('action', '=', 'person.photo').where('entity_id', '=', personId).execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(text.length).toBeLessThan(1000);
      expect(text).not.toMatch(/RIFF|Exif|base64/);
    }
  });
});

describe('serving and consent', () => {
  let url: string;
  beforeAll(async () => {
    const res = await upload(personId, await jpegWithGps(), 'image/jpeg', self);
    url = res.json().photo_url;
  });

  it('served by hash, cached for a day (not immutable), with an ETag and 304 on revalidation', async () => {
    const pro = await app.inject({ method: 'GET', url, headers: { cookie: otherPro } });
    expect(pro.statusCode).toBe(200);
    expect(pro.headers['content-type']).toBe('image/webp');
    expect(pro.headers['cache-control']).toBe('private, max-age=86400');
    expect(pro.rawPayload.equals(await storedBytes())).toBe(true);
    const etag = String(pro.headers.etag);
    expect(etag).toBe(`"${url.slice(12, 76)}"`);
    const again = await app.inject({ method: 'GET', url, headers: { cookie: otherPro, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // No public consent yet: residents get nothing, not even the bytes by URL.
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await getJson(app, `/api/people/${personId}`)).body.person.photo_url).toBeNull();
    expect((await getJson(app, '/api/photos/abc.webp')).status).toBe(400);
    expect((await getJson(app, `/api/photos/${'0'.repeat(64)}.webp`)).status).toBe(404);
  });

  it('with public consent residents see it (public cache); withdrawing it removes it from every response at once', async () => {
    const grant = await app.inject({ method: 'PUT', url: '/api/me/consents/photo', headers: { cookie: self } });
    expect(grant.statusCode, grant.body).toBe(200);
    const hash = url.slice(12, 76);
    expect(await crawl({})).toContain(hash);
    const anon = await app.inject({ method: 'GET', url });
    expect(anon.statusCode).toBe(200);
    expect(anon.headers['cache-control']).toBe('public, max-age=86400');

    const withdraw = await app.inject({ method: 'DELETE', url: '/api/me/consents/photo', headers: { cookie: self } });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect(await crawl({})).not.toContain(hash);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    // Colleagues still see it: that is the other consent.
    expect(await crawl({ cookie: otherPro })).toContain(hash);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: otherPro } })).statusCode).toBe(200);

    const internal = await app.inject({ method: 'DELETE', url: '/api/me/consents/photo_internal', headers: { cookie: self } });
    expect(internal.statusCode).toBe(200);
    expect(await crawl({ cookie: otherPro })).not.toContain(hash);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: otherPro } })).statusCode).toBe(404);
  });

  it('DELETE removes the photo: the initials avatar again, the URL 404', async () => {
    await app.inject({ method: 'PUT', url: '/api/me/consents/photo_internal', headers: { cookie: self } });
    expect((await app.inject({ method: 'GET', url, headers: { cookie: otherPro } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/people/${personId}/photo`, headers: { cookie: otherPro } })).statusCode).toBe(403);
    const res = await app.inject({ method: 'DELETE', url: `/api/people/${personId}/photo`, headers: { cookie: editor } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: otherPro } })).statusCode).toBe(404);
    const person = await getJson(app, `/api/people/${personId}`, { cookie: otherPro });
    expect(person.body.person.photo_url).toBeNull();
    expect(person.body.person.initials).toMatch(/^[A-Z]{2}$/);
    expect(await t.database.db.selectFrom('person_photos').select('hash').where('person_id', '=', personId).executeTakeFirst()).toBeUndefined();
  });
});

describe('upload limit', () => {
  it('an account gets 30 uploads per 15 minutes (refused ones count), then 429 with Retry-After', async () => {
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 31; i++) {
      last = await upload(personId, tiny, 'image/jpeg', otherPro);
      statuses.push(last.statusCode);
    }
    // The colleague tried once before (the 403 above): 29 more, then the limit.
    expect(statuses.indexOf(429)).toBe(29);
    expect(statuses.slice(0, 29).every((s) => s === 403)).toBe(true);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not affected.
    expect((await upload(personId, tiny, 'image/jpeg', self)).statusCode).toBe(201);
  });
});
