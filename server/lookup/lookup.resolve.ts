// The resolution order of "who serves this address":
//   1. geocoder (PDOK Locatieserver) → its CBS buurtcode, if that buurt is one of ours;
//   2. else point-in-polygon of the geocoded coordinate on our own boundaries;
//   3. a coordinate needs no geocoder: straight to 2;
//   4. postcode + number while the geocoder is down (or doesn't know the address): the
//      PC4 part matched to buurten (areas.postcodes), answered as an approximation.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { HttpError } from '../http/errors';
import type { Audience } from '../domain/audience';
import { GeocoderError, geocoderUnavailable } from '../geocoder/geocoder.errors';
import type { GeocodedAddress } from '../geocoder/geocoder.schemas';
import type { HouseNumber, Locatieserver } from '../geocoder/geocoder.locatieserver';
import { type AreaChain, type AreaRef, areaChain, buurtAt, buurtenByPostcode, nearestLocations, type Point, toChain } from './lookup.queries';
import type { LookupQuery, LookupResult } from './lookup.schemas';
import { teamsForBuurten } from './lookup.teams';

export type LookupInput =
  | { kind: 'address'; text: string }
  | { kind: 'postcode'; postcode: string; house: HouseNumber }
  | { kind: 'coordinate'; point: Point };

const OUTSIDE_MESSAGE = 'Dit adres ligt buiten de gebieden die Wijkweb kent: er zijn geen teams voor gevonden.';

/** The validated query as one of the three forms (the schema guarantees exactly one). */
export function toInput(q: LookupQuery): LookupInput {
  if (q.address !== undefined) return { kind: 'address', text: q.address };
  if (q.postcode !== undefined && q.number !== undefined) return { kind: 'postcode', postcode: q.postcode, house: q.number };
  return { kind: 'coordinate', point: { lat: q.lat!, lon: q.lon! } };
}

interface Resolved {
  address: string | null;
  point: Point | null;
  chain: AreaChain | null;
  resolvedBy: LookupResult['resolved_by'];
  approximation?: { label: string; why: 'offline' | 'not_found'; candidates: AreaRef[]; buurtCodes: string[]; wijk: AreaRef | null; gemeente: AreaRef | null };
}

export async function lookup(db: Kysely<DB>, geocoder: Locatieserver | null, audience: Audience, input: LookupInput): Promise<LookupResult> {
  const resolved = await resolve(db, geocoder, input);
  const approx = resolved.approximation;
  const buurtCodes = approx ? approx.buurtCodes : resolved.chain ? [resolved.chain.buurt.code] : [];
  const [teams, nearest] = await Promise.all([
    teamsForBuurten(db, audience, buurtCodes),
    resolved.point && buurtCodes.length ? nearestLocations(db, resolved.point) : [],
  ]);
  return {
    address: resolved.address,
    approximate: Boolean(approx),
    approximation: approx?.label ?? null,
    approximation_reason: approx ? (approx.why === 'offline' ? 'geocoder_offline' : 'address_not_found') : null,
    resolved_by: resolved.resolvedBy,
    point: resolved.point,
    area: {
      buurt: resolved.chain?.buurt ?? null,
      wijk: resolved.chain?.wijk ?? approx?.wijk ?? null,
      gemeente: resolved.chain?.gemeente ?? approx?.gemeente ?? null,
    },
    candidates: approx?.candidates ?? [],
    message: buurtCodes.length ? null : OUTSIDE_MESSAGE,
    teams,
    nearest,
  };
}

async function resolve(db: Kysely<DB>, geocoder: Locatieserver | null, input: LookupInput): Promise<Resolved> {
  if (input.kind === 'coordinate') {
    const chain = (await buurtAt(db, input.point)) ?? null;
    return { address: null, point: input.point, chain, resolvedBy: chain ? 'polygon' : 'none' };
  }
  if (input.kind === 'address') {
    const found = await geocode(geocoder, (g) => g.findAddress(input.text));
    if (!found) throw new HttpError(404, 'address_not_found', 'Dit adres is niet gevonden. Controleer de spelling of zoek op postcode en huisnummer.', [{ field: 'address', message: 'No address matches' }]);
    return fromGeocoded(db, found);
  }
  let found: GeocodedAddress | null = null;
  let offline = false;
  try {
    found = await geocode(geocoder, (g) => g.findPostcode(input.postcode, input.house));
  } catch (error) {
    if (!(error instanceof HttpError) || error.code !== 'geocoder_unavailable') throw error;
    offline = true;
  }
  if (found) return fromGeocoded(db, found);
  return approximateByPostcode(db, input.postcode, offline ? 'offline' : 'not_found');
}

async function geocode(geocoder: Locatieserver | null, call: (g: Locatieserver) => Promise<GeocodedAddress | null>) {
  if (!geocoder) throw geocoderUnavailable(new GeocoderError('not_configured', 'No geocoder is configured (GEOCODER_URL is empty)'));
  try {
    return await call(geocoder);
  } catch (error) {
    if (error instanceof GeocoderError) throw geocoderUnavailable(error);
    throw error;
  }
}

async function fromGeocoded(db: Kysely<DB>, found: GeocodedAddress): Promise<Resolved> {
  const point = { lon: found.lon, lat: found.lat };
  // The geocoder's buurtcode wins when we know it; CBS codes change yearly, so a code we
  // don't have falls back to our own boundaries.
  const byCode = found.buurtcode ? await areaChain(db, found.buurtcode) : undefined;
  if (byCode) return { address: found.label, point, chain: byCode, resolvedBy: 'geocoder' };
  const chain = (await buurtAt(db, point)) ?? null;
  return { address: found.label, point, chain, resolvedBy: chain ? 'polygon' : 'none' };
}

async function approximateByPostcode(db: Kysely<DB>, postcode: string, why: 'offline' | 'not_found'): Promise<Resolved> {
  const pc4 = postcode.slice(0, 4);
  const buurten = await buurtenByPostcode(db, pc4);
  const chains = buurten.map(toChain);
  const same = <T extends AreaRef | null>(list: T[]) => (list.length && list.every((x) => x?.code === list[0]?.code) ? list[0]! : null);
  const single = chains.length === 1 ? chains[0]! : null;
  // Teams near the middle of the postcode area(s): a rough point, labelled as such.
  const boxes = buurten.filter((b) => b.min_lon !== null && b.min_lat !== null && b.max_lon !== null && b.max_lat !== null);
  const point = boxes.length ? {
    lon: (Math.min(...boxes.map((b) => b.min_lon!)) + Math.max(...boxes.map((b) => b.max_lon!))) / 2,
    lat: (Math.min(...boxes.map((b) => b.min_lat!)) + Math.max(...boxes.map((b) => b.max_lat!))) / 2,
  } : null;
  const reason = why === 'offline' ? 'De adreszoeker is niet bereikbaar' : 'Het adres is niet precies gevonden';
  return {
    address: null,
    point,
    chain: single,
    resolvedBy: chains.length ? 'postcode' : 'none',
    approximation: {
      label: `Benadering: ${reason}; dit is het gebied van postcode ${pc4}${chains.length > 1 ? ` (${chains.length} buurten)` : ''}.`,
      why,
      candidates: chains.map((c) => c.buurt),
      buurtCodes: chains.map((c) => c.buurt.code),
      wijk: same(chains.map((c) => c.wijk)),
      gemeente: same(chains.map((c) => c.gemeente)),
    },
  };
}
