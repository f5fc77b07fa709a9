// The parts of a PDOK Locatieserver v3.1 response that Wijkweb reads, parsed with Zod so
// a changed or broken answer becomes a typed error instead of an undefined deep inside.
import { z } from 'zod';

/** The fields asked for with `fl=`: only what the lookup needs (smaller, faster answers). */
export const ADDRESS_FIELDS = [
  'id', 'type', 'weergavenaam', 'centroide_ll', 'postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging',
  'buurtcode', 'buurtnaam', 'wijkcode', 'wijknaam', 'gemeentecode', 'gemeentenaam',
] as const;

/** "POINT(5.17636456 52.08206803)": WKT, lon first, as centroide_ll always is. */
const WktPoint = z.string().transform((text, ctx) => {
  const match = /^POINT\((-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)\)$/.exec(text.trim());
  const lon = Number(match?.[1]);
  const lat = Number(match?.[2]);
  if (!match || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
    ctx.addIssue({ code: 'custom', message: 'Not a WGS84 POINT(lon lat)' });
    return z.NEVER;
  }
  return { lon, lat };
});

export const SuggestDoc = z.object({ id: z.string(), type: z.string(), weergavenaam: z.string() });

export const AddressDoc = z.object({
  id: z.string(),
  type: z.string(),
  weergavenaam: z.string(),
  centroide_ll: WktPoint,
  postcode: z.string().optional(),
  huisnummer: z.number().int().optional(),
  huisletter: z.string().optional(),
  huisnummertoevoeging: z.string().optional(),
  buurtcode: z.string().optional(),
  buurtnaam: z.string().optional(),
  wijkcode: z.string().optional(),
  wijknaam: z.string().optional(),
  // The Locatieserver gives the bare number ("0344"); Wijkweb keys areas as "GM0344".
  gemeentecode: z.string().optional().transform((c) => (c && /^\d{4}$/.test(c) ? `GM${c}` : c)),
  gemeentenaam: z.string().optional(),
});
export type AddressDoc = z.infer<typeof AddressDoc>;

export const envelope = <T extends z.ZodType>(doc: T) =>
  z.object({
    response: z.object({
      numFound: z.number().int(),
      start: z.number().int(),
      docs: z.array(doc),
    }),
  });

/** What the rest of the app gets: one address with its CBS codes, or null for "not found". */
export interface GeocodedAddress {
  id: string;
  label: string;
  lon: number;
  lat: number;
  postcode: string | null;
  buurtcode: string | null;
  wijkcode: string | null;
  gemeentecode: string | null;
}

export function toGeocoded(doc: AddressDoc): GeocodedAddress {
  return {
    id: doc.id,
    label: doc.weergavenaam,
    lon: doc.centroide_ll.lon,
    lat: doc.centroide_ll.lat,
    postcode: doc.postcode ?? null,
    buurtcode: doc.buurtcode ?? null,
    wijkcode: doc.wijkcode ?? null,
    gemeentecode: doc.gemeentecode ?? null,
  };
}
