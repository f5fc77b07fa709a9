// Finding 4 of issue 14: portraits residents may see were sent `public, max-age=31536000,
// immutable`, so after the person withdrew consent shared caches kept serving them for a
// year. Now a portrait is cached a day at most (and never `immutable`), then revalidated.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';

const DAY = 86_400;
let t: TestApp;

/** max-age in seconds and whether `immutable` is there. */
function lifetime(cacheControl: unknown) {
  const value = String(cacheControl);
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(value);
  const shared = /(?:^|,)\s*s-maxage=(\d+)/.exec(value);
  return { value, maxAge: Number(maxAge?.[1] ?? Infinity), sharedMaxAge: Number(shared?.[1] ?? maxAge?.[1] ?? Infinity), immutable: /immutable/.test(value) };
}

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('a portrait residents may see', () => {
  it('is cached for at most a day, never immutable; after withdrawal the revalidation finds it gone', async () => {
    const db = t.database.db;
    const { person_id: personId } = await db.selectFrom('accounts').select('person_id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow();
    await db.updateTable('people').set({ public_profile: true }).where('id', '=', personId!).execute();
    const self = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
    const image = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#48a' } }).jpeg().toBuffer();
    const upload = await t.app.inject({ method: 'POST', url: `/api/people/${personId}/photo?consent=1`, payload: image, headers: { 'content-type': 'image/jpeg', cookie: self } });
    expect(upload.statusCode, upload.body).toBe(201);
    const url = upload.json().photo_url as string;
    expect((await t.app.inject({ method: 'PUT', url: '/api/me/consents/photo', headers: { cookie: self } })).statusCode).toBe(200);

    const resident = await t.app.inject({ method: 'GET', url });
    expect(resident.statusCode).toBe(200);
    const cache = lifetime(resident.headers['cache-control']);
    expect(cache.value).toMatch(/^public\b/);
    expect(cache.immutable, cache.value).toBe(false);
    expect(cache.maxAge, cache.value).toBeLessThanOrEqual(DAY);
    expect(cache.sharedMaxAge, cache.value).toBeLessThanOrEqual(DAY);
    const etag = String(resident.headers.etag);

    const colleague = lifetime((await t.app.inject({ method: 'GET', url, headers: { cookie: self } })).headers['cache-control']);
    expect(colleague.immutable, colleague.value).toBe(false);
    expect(colleague.maxAge, colleague.value).toBeLessThanOrEqual(DAY);

    // A cache revalidating after consent was withdrawn gets a 404, not a 304 that keeps the copy.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/consents/photo', headers: { cookie: self } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(404);
  });
});
