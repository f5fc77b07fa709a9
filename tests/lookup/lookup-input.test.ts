// GET /api/lookup input handling: every malformed question is a 400 naming the field
// (never a 500), the route is in the OpenAPI document, and the address is never logged.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { getJson, buildTestApp } from '../helpers/app';
import { createSeededDatabase } from '../helpers/db';
import { type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';

const q = (params: Record<string, string>) => `/api/lookup?${new URLSearchParams(params)}`;

let database: Database;
let fake: FakeLocatieserver;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createSeededDatabase();
  fake = await startFakeLocatieserver();
  app = await buildTestApp(database, { env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '2000' } });
});
afterAll(async () => { await app?.close(); await fake?.close(); await database?.close(); });

describe('bad input is a 400 that names the field, never a 500', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['nothing', {}, 'address'],
    ['two forms', { address: 'Markt 1', lat: '52.1', lon: '5.3' }, 'lat'],
    ['postcode without number', { postcode: '1371AA' }, 'number'],
    ['number without postcode', { number: '12' }, 'postcode'],
    ['lat without lon', { lat: '52.1' }, 'lon'],
    ['malformed postcode', { postcode: '0123AB', number: '1' }, 'postcode'],
    ['postcode with letters first', { postcode: 'AB1234', number: '1' }, 'postcode'],
    ['number 0', { postcode: '1371AA', number: '0' }, 'number'],
    ['number with text', { postcode: '1371AA', number: '12; drop table' }, 'number'],
    ['lat out of range', { lat: '91', lon: '5' }, 'lat'],
    ['lon out of range', { lat: '52', lon: '-180.5' }, 'lon'],
    ['lat not a number', { lat: 'NaN', lon: '5' }, 'lat'],
    ['lat in exponent form', { lat: '1e2', lon: '5' }, 'lat'],
    ['empty lat', { lat: '', lon: '5' }, 'lat'],
    ['1,000-character address', { address: 'a'.repeat(1000) }, 'address'],
    ['control characters', { address: 'Markt\u0000 1' }, 'address'],
  ];
  it.each(cases)('%s', async (_name, params, field) => {
    const res = await getJson(app, q(params));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect(res.body.details.map((d: any) => d.field)).toContain(field);
  });

  it('repeated parameters are a 400, not a 500', async () => {
    const res = await getJson(app, '/api/lookup?lat=52&lat=53&lon=5');
    expect(res.status).toBe(400);
  });

  it('odd but valid text never reaches Solr as syntax', async () => {
    const res = await getJson(app, q({ address: 'Markt 1 AND (x:"y") OR *' }));
    expect([200, 404]).toContain(res.status);
  });
});

describe('OpenAPI', () => {
  it('documents /api/lookup with its query parameters', async () => {
    const doc = (await getJson(app, '/docs/json')).body;
    const params = doc.paths['/api/lookup'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params).toEqual(['address', 'lat', 'lon', 'number', 'postcode']);
  });
});

describe('the address is never logged', () => {
  it('logs the route, not the query string', async () => {
    const logs: string[] = [];
    const stream = { write: (line: string) => { logs.push(line); } };
    const logged = await buildTestApp(database, { env: { GEOCODER_URL: fake.url }, logger: { level: 'info', stream } as never });
    try {
      await getJson(logged, q({ address: 'Geheimstraat 12 Lindeburg' }));
      await getJson(logged, q({ postcode: '1379QQ', number: '12' }));
      expect(logs.length).toBeGreaterThan(0);
      expect(logs.join('\n')).not.toMatch(/Geheimstraat|1379QQ/);
    } finally { await logged.close(); }
  });
});
