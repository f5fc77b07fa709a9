// /docs/json tells a client what each route really answers: the media type of every answer
// that is not JSON, and the 415 every write route gives to a body that is not JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  paths = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json().paths;
});
afterAll(async () => t?.close());

const mediaTypes = (path: string, method = 'get', status = '200') => Object.keys(paths[path]?.[method]?.responses[status]?.content ?? {});

describe('the OpenAPI document', () => {
  it('declares the real media type of each answer that is not JSON', () => {
    const expected: Record<string, string[]> = {
      '/api/people/{id}/vcard': ['text/vcard'], '/api/teams/{id}/vcard': ['text/vcard'], '/api/areas/{code}/vcard': ['text/vcard'],
      '/api/lookup/vcard': ['text/vcard'], '/api/me/kennismaken/vcard': ['text/vcard'],
      '/api/people/{id}/vcard/qr.svg': ['image/svg+xml'], '/api/teams/{id}/vcard/qr.svg': ['image/svg+xml'],
      '/demo-photos/{name}.svg': ['image/svg+xml'], '/api/export/{kind}.csv': ['text/csv'],
      '/api/photos/{hash}.webp': ['image/webp'], '/hsds/profile': ['text/markdown'],
      '/api/insight/coverage': ['application/json', 'text/csv'],
    };
    for (const [path, types] of Object.entries(expected)) expect(mediaTypes(path), path).toEqual(types);
    // and a JSON route stays JSON
    expect(mediaTypes('/api/teams/{id}')).toEqual(['application/json']);
  });

  it('declares 415 on every write route, since each refuses a body that is not JSON', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (['post', 'put', 'patch', 'delete'].includes(method) && !operation.responses['415']) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.values(paths).flatMap((m) => Object.keys(m)).filter((m) => m !== 'get').length).toBeGreaterThan(40);
  });

  it('still answers a write with a text body with that 415, in the error format', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hallo' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: 'unsupported_media_type', details: [{ field: 'content-type' }] });
  });
});
