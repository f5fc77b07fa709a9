// Every answer that is not a success keeps the contract { error, message, details }: also
// the ones Fastify and Node's HTTP parser make before a route runs (bad %-encoding, 431,
// bytes that are not HTTP, broken JSON). A wrong method is 405 with Allow; an unknown
// path under /api or /hsds is JSON 404, while unknown app paths still get the web app.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../helpers/browser';
import { createTestApp, getJson, type TestApp } from '../helpers/app';

let t: TestApp;
let base: string;
beforeAll(async () => {
  await ensureWebBuild(); // the SPA fallback is part of what is checked
  t = await createTestApp({ seed: false, serveWeb: true });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => { await t?.close(); });

function expectContract(body: any) {
  expect(body).toEqual({ error: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  expect(JSON.stringify(body)).not.toMatch(/statusCode|FST_|\bat .+\.(ts|js):\d+/);
}

/** Raw bytes on a real socket; resolves with the whole answer once the server closes or goes quiet. */
function rawRequest(text: string | Buffer): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    socket.setTimeout(5000, () => { socket.destroy(); resolve(data); });
    socket.on('data', (chunk) => { data += chunk.toString('utf8'); });
    socket.on('close', () => resolve(data));
    socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    socket.write(text);
  });
}

function parseRaw(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head, body: JSON.parse(body) };
}

describe('errors before any route runs', () => {
  it.each(['/api/teams/%E0%A4%A', '/hsds/services/%zz', '/%E0%A4%A', '/kaart/%C3'])('bad encoding in %s is a 400 in the contract', async (url) => {
    const res = await getJson(t.app, url); // no Accept: text/html, so JSON even outside /api
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectContract(res.body);
  });

  it('a browser asking for a badly encoded app path gets the web app, to show its error page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/%E0%A4%A', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<div id="app">/);
    // …but never under /api
    const api = await t.app.inject({ method: 'GET', url: '/api/teams/%E0%A4%A', headers: { accept: 'text/html' } });
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });

  it('huge headers get 431 in the contract on a real socket', async () => {
    const raw = await rawRequest(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    const res = parseRaw(raw);
    expect(res.status).toBe(431);
    expect(res.head).toMatch(/content-type: application\/json/i);
    expectContract(res.body);
  });

  it('bytes that are not HTTP get 400 in the contract', async () => {
    const res = parseRaw(await rawRequest(Buffer.from('GET /api/health HTTP/1.1\r\nHo\u0000st: x\r\n\r\n', 'latin1')));
    expect(res.status).toBe(400);
    expectContract(res.body);
    const bad = parseRaw(await rawRequest('\u0001\u0002\u0003 nonsense\r\n\r\n'));
    expect(bad.status).toBe(400);
    expectContract(bad.body);
  });

  it('a broken JSON body is a 400 that names the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/lookup', headers: { 'content-type': 'application/json' }, payload: '{"address": "Dorpsstraat' });
    expect([400, 404, 405]).toContain(res.statusCode);
    if (res.statusCode === 400) expect(res.json().details[0]).toMatchObject({ in: 'body' });
    expectContract(res.json());
  });
});

describe('wrong method and unknown paths', () => {
  it('a wrong method on a known path is 405 with Allow', async () => {
    for (const [method, url, allow] of [
      ['DELETE', '/api/teams', 'GET, HEAD, POST'],
      ['DELETE', '/api/health', 'GET, HEAD'],
      ['PUT', '/api/teams/00000000-0000-4000-8000-000000000000', 'DELETE, GET, HEAD, PATCH'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(405);
      expect(res.headers.allow?.split(', ').sort().join(', '), url).toBe(allow);
      expectContract(res.json());
    }
    const put = await t.app.inject({ method: 'PUT', url: '/api/teams?x=1' });
    expect(put.statusCode).toBe(405);
  });

  it('a path no method knows is 404, not 405', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers.allow).toBeUndefined();
    expectContract(res.json());
  });

  it.each(['/api', '/api/x', '/api/x/y/z', '/hsds/x', '/hsds/services/unknown/more', '/API/x'])('GET %s is JSON 404, never the app', async (url) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectContract(res.json());
  });

  it('unknown app paths still get the web app', async () => {
    for (const url of ['/teams/whatever', '/kaart', '/iets/anders']) {
      const res = await fetch(`${base}${url}`, { headers: { accept: 'text/html' } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });
});
