// The Locatieserver adapter against the fake (a real HTTP server in the real format):
// fields asked with fl=, parsing, cache, and failing fast when the geocoder is down or slow.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GeocoderError } from '../../server/geocoder/geocoder.errors';
import { ADDRESS_FIELDS } from '../../server/geocoder/geocoder.schemas';
import { Locatieserver, solrSafe } from '../../server/geocoder/geocoder.locatieserver';
import { demoDocs, type FakeDoc, type FakeLocatieserver, startFakeLocatieserver } from '../helpers/fake-locatieserver';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(repoRoot, '../shared/data');
const EXAMPLES = path.join(SHARED, 'locatieserver-examples.json');
if (!existsSync(EXAMPLES) && process.env.CI) throw new Error(`CI needs ${EXAMPLES} (shared test data) but it is missing`);

async function failure(promise: Promise<unknown>): Promise<GeocoderError> {
  try { await promise; } catch (error) { if (error instanceof GeocoderError) return error; throw error; }
  throw new Error('expected a GeocoderError');
}

describe('Locatieserver adapter on the fake', () => {
  let fake: FakeLocatieserver;
  const client = (timeoutMs = 1000) => new Locatieserver({ baseUrl: fake.url, timeoutMs });
  beforeAll(async () => { fake = await startFakeLocatieserver(); });
  afterEach(() => { fake.setDelay(0); fake.requests.length = 0; });
  afterAll(async () => { await fake.close(); });

  it('finds free text with suggest then lookup, asking only for the fields it needs', async () => {
    const doc = fake.docs[0]!;
    const found = await client().findAddress(String(doc.weergavenaam));
    expect(found).toMatchObject({ id: doc.id, label: doc.weergavenaam, buurtcode: doc.buurtcode, wijkcode: doc.wijkcode, gemeentecode: 'GM9901' });
    expect(found!.lon).toBeCloseTo(Number(String(doc.centroide_ll).match(/POINT\((\S+)/)![1]), 6);
    expect(fake.requests.map((r) => [r.endpoint, r.status])).toEqual([['suggest', 200], ['lookup', 200]]);
    expect(fake.requests[0]!.params.get('fq')).toBe('type:adres');
    expect(fake.requests[1]!.params.get('fl')!.split(',').sort()).toEqual([...ADDRESS_FIELDS].sort());
  });

  it('finds postcode + number with /free, preferring the exact addition', async () => {
    const base = fake.docs[1]!;
    const found = await client().findPostcode(String(base.postcode), { number: 1, addition: null });
    expect(found?.buurtcode).toBe(base.buurtcode);
    const free = fake.requests.at(-1)!;
    expect(free.endpoint).toBe('free');
    expect(free.params.get('q')).toBe(`postcode:${base.postcode} and huisnummer:1`);
    expect(await client().findPostcode(String(base.postcode), { number: 999, addition: null })).toBeNull();
  });

  it('answers null for an address nobody knows, and caches answers (also "not found")', async () => {
    const c = client();
    expect(await c.findAddress('Nergensstraat 99 Nergenshuizen')).toBeNull();
    const doc = fake.docs[2]!;
    await c.findAddress(String(doc.weergavenaam));
    const before = fake.requests.length;
    await c.findAddress(String(doc.weergavenaam));
    await c.findAddress(`  ${String(doc.weergavenaam).toUpperCase()} `);
    expect(await c.findAddress('Nergensstraat 99 Nergenshuizen')).toBeNull();
    expect(fake.requests.length).toBe(before);
  });

  it('keeps Solr syntax out of the query (the real service answers 400 to broken syntax)', async () => {
    expect(solrSafe('Straat 1 (achter) "x" AND:y*')).toBe('Straat 1 achter x AND y');
    expect(await client().findAddress('((((')).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it('the fake, like the real v3.1, rejects unknown parameters with a 400; the adapter reports it', async () => {
    const res = await fetch(`${fake.url}/suggest?q=x&format=json`);
    expect(res.status).toBe(400);
    expect((await fetch(`${fake.url}/lookup`)).status).toBe(400); // id is required
    const broken = new Locatieserver({ baseUrl: `${fake.url}_nope`, timeoutMs: 500 });
    expect((await failure(broken.findAddress('iets'))).reason).toBe('http_status');
  });

  it('a slow geocoder is a timeout within the deadline, for both requests together', async () => {
    fake.setDelay(1500);
    const started = performance.now();
    const error = await failure(client(300).findAddress(String(fake.docs[3]!.weergavenaam)));
    expect(error.reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(300 + 500);
    expect(error.message).not.toContain(String(fake.docs[3]!.straatnaam)); // never the address
  });

  it('a broken answer is a bad_response, not a crash', async () => {
    const junk = new Locatieserver({ baseUrl: 'http://x', timeoutMs: 500, fetch: async () => new Response('{"response":{"docs":"nee"}}') });
    expect((await failure(junk.findAddress('iets'))).reason).toBe('bad_response');
    const html = new Locatieserver({ baseUrl: 'http://x', timeoutMs: 500, fetch: async () => new Response('<html>') });
    expect((await failure(html.findAddress('iets'))).reason).toBe('bad_response');
  });
});

describe('Locatieserver adapter, geocoder down', () => {
  it('connection refused is "unreachable", fast', async () => {
    const fake = await startFakeLocatieserver();
    await fake.down();
    const started = performance.now();
    const error = await failure(new Locatieserver({ baseUrl: fake.url, timeoutMs: 2000 }).findPostcode('1371AA', { number: 1, addition: null }));
    expect(error.reason).toBe('unreachable');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the geocoder cache', () => {
  it('forgets the least recently used address beyond its size, and every address after its time to live', async () => {
    const fake = await startFakeLocatieserver();
    try {
      let now = 1; // lru-cache counts a moment 0 as "no time"
      const c = new Locatieserver({ baseUrl: fake.url, timeoutMs: 1000, cacheSize: 2, cacheTtlMs: 1000, now: () => now });
      const [a, b, d] = fake.docs.map((doc) => String(doc.weergavenaam));
      const asked = async (text: string) => {
        const before = fake.requests.length;
        await c.findAddress(text!);
        return fake.requests.length > before;
      };
      expect([await asked(a!), await asked(b!)]).toEqual([true, true]);
      expect(await asked(a!)).toBe(false); // a is now the most recent
      expect(await asked(d!)).toBe(true); // … so b goes
      expect([await asked(a!), await asked(d!), await asked(b!)]).toEqual([false, false, true]); // … and now a
      now = 1000;
      expect(await asked(d!)).toBe(false);
      now = 1002; // d was stored at 1: older than its time to live
      expect(await asked(d!)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

(existsSync(EXAMPLES) ? describe : describe.skip)(`real Locatieserver bodies (${existsSync(EXAMPLES) ? EXAMPLES : `skipped: ${EXAMPLES} not found`})`, () => {
  let fake: FakeLocatieserver;
  let examples: Record<string, any>;
  beforeAll(async () => {
    examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
    const docs = [examples.lookup_v3_adres.body.response.docs[0], examples.free_or_lookup_adres_doc_fl_all.doc] as FakeDoc[];
    fake = await startFakeLocatieserver({ docs });
  });
  afterAll(async () => { await fake?.close(); });

  it('parses the real Amersfoort lookup doc (suggest → lookup) and the Utrecht doc (free)', async () => {
    const c = new Locatieserver({ baseUrl: fake.url, timeoutMs: 1000 });
    expect(await c.findAddress('Lijsterstraat 20, 3815DT Amersfoort')).toEqual({
      id: 'adr-fb6a9e8075bd7e25281db1d21fb17982', label: 'Lijsterstraat 20, 3815DT Amersfoort',
      lon: 5.40168265, lat: 52.16646193, postcode: '3815DT', buurtcode: 'BU03071001', wijkcode: 'WK030710', gemeentecode: 'GM0307',
    });
    expect(await c.findPostcode('3584CJ', { number: 101, addition: null })).toMatchObject({ buurtcode: 'BU03440533', gemeentecode: 'GM0344' });
  });

  it('the fake answers in the shape of the captured bodies', async () => {
    const res = await (await fetch(`${fake.url}/suggest?q=Lijsterstraat 20&fq=bron:BAG`)).json();
    const real = examples.suggest_v3_adres.body;
    expect(Object.keys(res).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(res.response.docs[0]).sort()).toEqual(Object.keys(real.response.docs[0]).sort());
    const lookup = await (await fetch(`${fake.url}/lookup?id=adr-fb6a9e8075bd7e25281db1d21fb17982`)).json();
    expect(lookup.response.docs[0]).toMatchObject(examples.lookup_v3_adres.body.response.docs[0]);
    const none = await (await fetch(`${fake.url}/free?q=postcode:XXXXAB&rows=1`)).json();
    expect(none.response).toMatchObject(examples.free_v3_no_match.body.response);
  });
});

it('demo docs cover every demo buurt', () => {
  expect(new Set(demoDocs().map((d) => d.buurtcode)).size).toBe(7);
});
