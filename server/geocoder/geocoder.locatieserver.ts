// Adapter for the PDOK Locatieserver v3.1 (/suggest, /lookup, /free). Every call of the
// app gets one deadline (AbortSignal.timeout) shared by its requests, so "suggest then
// lookup" can never take longer than the configured timeout, and a dead or slow geocoder
// becomes a GeocoderError quickly instead of a hanging request.
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { GeocoderError } from './geocoder.errors';
import { ADDRESS_FIELDS, AddressDoc, envelope, type GeocodedAddress, SuggestDoc, toGeocoded } from './geocoder.schemas';

interface GeocoderOptions {
  baseUrl: string;
  timeoutMs: number;
  cacheSize?: number;
  cacheTtlMs?: number;
  /** Milliseconds, for the cache's time to live; tests pass a controllable one. */
  now?: () => number;
  fetch?: typeof fetch;
}

/** A house number as typed: 12, 12A, 12-2, 12 bis. */
export interface HouseNumber { number: number; addition: string | null }

const FL = ADDRESS_FIELDS.join(',');
const SuggestBody = envelope(SuggestDoc);
const AddressBody = envelope(AddressDoc);

// Solr query syntax in user text would make the Locatieserver answer 400 (or match
// something else): keep letters, digits and the punctuation addresses use.
export const solrSafe = (text: string) => text.replace(/[+!(){}[\]^"~*?:\\/|&]/g, ' ').replace(/\s+/g, ' ').trim();

export class Locatieserver {
  private readonly base: string;
  // Bounded (least recently used goes first) and with a time to live: addresses change
  // rarely but do change (BAG updates, new CBS buurt codes each year). One process, no
  // sharing: a miss only costs a request. Boxed, because "not found" (null) is cached too.
  private readonly cache: LRUCache<string, { address: GeocodedAddress | null }>;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GeocoderOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.cache = new LRUCache({
      max: options.cacheSize ?? 5000,
      ttl: options.cacheTtlMs ?? 15 * 60_000,
      // a given clock is read on every look (lru-cache otherwise reuses a reading for 1 ms)
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Free text → the best matching address (suggest, then lookup of its id), or null. */
  async findAddress(text: string): Promise<GeocodedAddress | null> {
    const q = solrSafe(text);
    if (!q) return null;
    return this.cached(`a:${q.toLowerCase()}`, async (signal) => {
      const suggest = await this.get('suggest', { q, fq: 'type:adres', rows: '1', fl: 'id,type,weergavenaam' }, SuggestBody, signal);
      const first = suggest.response.docs[0];
      if (!first) return null;
      const lookup = await this.get('lookup', { id: first.id, fl: FL }, AddressBody, signal);
      const doc = lookup.response.docs[0];
      return doc ? toGeocoded(doc) : null;
    });
  }

  /** Postcode (1234AB) + house number → that address, or null when the BAG has no such address. */
  async findPostcode(postcode: string, house: HouseNumber): Promise<GeocodedAddress | null> {
    const key = `p:${postcode}:${house.number}:${house.addition ?? ''}`.toLowerCase();
    return this.cached(key, async (signal) => {
      const body = await this.get('free', {
        q: `postcode:${postcode} and huisnummer:${house.number}`, fq: 'type:adres', rows: '20', fl: FL,
      }, AddressBody, signal);
      const docs = body.response.docs;
      // Additions (huisletter, toevoeging) rarely change the buurt: prefer the exact one,
      // else the plain number, else any address with that number.
      const wanted = (house.addition ?? '').toUpperCase();
      const additionOf = (d: AddressDoc) => `${d.huisletter ?? ''}${d.huisnummertoevoeging ?? ''}`.toUpperCase();
      const doc = docs.find((d) => additionOf(d) === wanted) ?? docs.find((d) => additionOf(d) === '') ?? docs[0];
      return doc ? toGeocoded(doc) : null;
    });
  }

  private async cached(key: string, load: (signal: AbortSignal) => Promise<GeocodedAddress | null>) {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit.address;
    const address = await load(AbortSignal.timeout(this.options.timeoutMs));
    this.cache.set(key, { address }); // "not found" is cached too: retyping the same typo is common
    return address;
  }

  private async get<T extends z.ZodType>(endpoint: string, params: Record<string, string>, schema: T, signal: AbortSignal): Promise<z.infer<T>> {
    const url = `${this.base}/${endpoint}?${new URLSearchParams(params)}`;
    let body: unknown;
    try {
      const res = await this.fetchImpl(url, { signal, headers: { accept: 'application/json' } });
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new GeocoderError('http_status', `Locatieserver /${endpoint} answered HTTP ${res.status}`, res.status);
      }
      body = await res.json();
    } catch (error) {
      throw toGeocoderError(error, endpoint, this.options.timeoutMs);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new GeocoderError('bad_response', `Locatieserver /${endpoint} answered in an unexpected format`);
    return parsed.data;
  }
}

function toGeocoderError(error: unknown, endpoint: string, timeoutMs: number): GeocoderError {
  if (error instanceof GeocoderError) return error;
  const e = error as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new GeocoderError('timeout', `Locatieserver /${endpoint} did not answer within ${timeoutMs} ms`);
  }
  if (e.name === 'SyntaxError') return new GeocoderError('bad_response', `Locatieserver /${endpoint} answered with invalid JSON`);
  const code = e.cause?.code ? ` (${e.cause.code})` : '';
  return new GeocoderError('unreachable', `Locatieserver /${endpoint} could not be reached${code}`);
}

/** The configured geocoder, or null when GEOCODER_URL is empty (offline installations). */
export function createGeocoder(config: { GEOCODER_URL: string; GEOCODER_TIMEOUT_MS: number }): Locatieserver | null {
  return config.GEOCODER_URL ? new Locatieserver({ baseUrl: config.GEOCODER_URL, timeoutMs: config.GEOCODER_TIMEOUT_MS }) : null;
}
