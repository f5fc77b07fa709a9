// HSDS records → Wijkweb rows (the reverse of hsds.map.ts). Pure functions: they say
// why a record can't be used instead of throwing, so one bad record never stops an import.
import { ACCESS_TEXT, COVERAGE_PREFIX } from './hsds.profile';
import { CBS_CODE } from './hsds.ids';
import type { Obj } from './hsds.collect';
import { isUuid } from '../http/schemas';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const has = (o: Obj, key: string) => key in o;
const firstPublicPhone = (list: unknown): string | null =>
  text((Array.isArray(list) ? list : []).find((p) => p && !p.contact_id && text(p.number))?.number);

// Each *Fields function returns only the columns the record speaks about (a Partial):
// fields it does not carry keep what is stored, so a one-to-one list never erases details.
interface OrganisationFields { name: string; description: string; website: string | null; email: string | null; phone: string | null }
export function organisationFields(o: Obj): Partial<OrganisationFields> | string {
  if (!isUuid(o.id)) return 'id is not a UUID';
  if (!text(o.name)) return 'no name';
  const f: Partial<OrganisationFields> = { name: text(o.name)! };
  if (has(o, 'description')) f.description = text(o.description) ?? '';
  if (has(o, 'website') || has(o, 'uri')) f.website = text(o.website) ?? text(o.uri);
  if (has(o, 'email')) f.email = text(o.email);
  if (has(o, 'phones')) f.phone = firstPublicPhone(o.phones);
  return f;
}

interface TeamFields {
  name: string; description: string; website: string | null; public_email: string | null; public_phone: string | null;
  walk_in_hours: string | null; access: string; funding: string | null; last_verified_at: string | null;
  minimum_age: number | null; maximum_age: number | null; eligibility_description: string | null; fees_description: string | null;
  interpretation_available: boolean;
}
/** A whole age Wijkweb can hold (0–120); anything else stays only in the verbatim original. */
const age = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 120 ? v : null);
function scheduleText(list: unknown): string | null {
  const s = (Array.isArray(list) ? list : [])[0];
  if (!s) return null;
  return text(s.description) ?? (text([s.byday, s.opens_at && s.closes_at ? `${s.opens_at}–${s.closes_at}` : null].filter(Boolean).join(' ')));
}
const ACCESS_BY_TEXT = new Map(Object.entries(ACCESS_TEXT).map(([k, v]) => [v, k]));

export function teamFields(s: Obj): Partial<TeamFields> | string {
  if (!isUuid(s.id)) return 'id is not a UUID';
  if (!text(s.name)) return 'no name';
  const f: Partial<TeamFields> = { name: text(s.name)! };
  if (has(s, 'description')) f.description = text(s.description) ?? '';
  if (has(s, 'url')) f.website = text(s.url);
  if (has(s, 'email')) f.public_email = text(s.email);
  if (has(s, 'phones')) f.public_phone = firstPublicPhone(s.phones);
  if (has(s, 'schedules')) f.walk_in_hours = scheduleText(s.schedules);
  if (has(s, 'application_process')) f.access = ACCESS_BY_TEXT.get(text(s.application_process) ?? '') ?? 'self_referral';
  if (has(s, 'funding')) f.funding = text((Array.isArray(s.funding) ? s.funding : [])[0]?.source);
  if (has(s, 'minimum_age') || has(s, 'maximum_age')) {
    const [min, max] = [age(s.minimum_age), age(s.maximum_age)];
    f.minimum_age = min;
    f.maximum_age = min !== null && max !== null && max < min ? null : max;
  }
  if (has(s, 'eligibility_description')) f.eligibility_description = text(s.eligibility_description);
  if (has(s, 'fees_description')) f.fees_description = text(s.fees_description);
  if (has(s, 'interpretation_services')) f.interpretation_available = text(s.interpretation_services) !== null;
  if (has(s, 'assured_date')) {
    const d = text(s.assured_date);
    f.last_verified_at = d && /^\d{4}-\d{2}-\d{2}/.test(d) && !Number.isNaN(Date.parse(d.slice(0, 10))) ? `${d.slice(0, 10)}T00:00:00Z` : null;
  }
  return f;
}

export function lastModified(s: Obj): string | undefined {
  const v = text(s.last_modified);
  return v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
}

interface LocationFields {
  name: string | null; street: string; house_number: string; postcode: string; city: string; lat: number; lon: number;
  opening_hours: string | null; buurt_code: string | null;
}
/** "Dorpsstraat 12a" → ["Dorpsstraat", "12a"]; the house number is the last part starting with a digit. */
function splitStreet(line: string): [string, string] | null {
  const m = /^(.+)\s+(\d\S*)$/.exec(line.trim()) ?? /^(.+?)\s+(\d.*)$/.exec(line.trim());
  return m ? [m[1]!, m[2]!] : null;
}
export function locationFields(l: Obj): LocationFields | string {
  if (!isUuid(l.id)) return 'id is not a UUID';
  const addresses = (Array.isArray(l.addresses) ? l.addresses : []) as Obj[];
  const a = addresses.find((x) => x.address_type === 'physical') ?? addresses[0];
  if (!a) return 'no address';
  const postcode = (text(a.postal_code) ?? '').replace(/\s+/g, '').toUpperCase();
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode)) return `postcode "${a.postal_code}" is not a Dutch postcode`;
  const street = splitStreet(text(a.address_1) ?? '');
  if (!street) return `address "${a.address_1}" has no house number`;
  const [lat, lon] = [Number(l.latitude), Number(l.longitude)];
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || l.latitude == null) return 'no valid latitude/longitude';
  if (!text(a.city)) return 'no city';
  const buurt = text(l.external_identifier);
  return {
    name: text(l.name), street: street[0], house_number: street[1], postcode, city: text(a.city)!, lat, lon,
    opening_hours: scheduleText(l.schedules), buurt_code: buurt && /^BU\d{8}$/.test(buurt) ? buurt : null,
  };
}

/** The CBS code a service area names (in its uri, else its name), and the coverage it states. */
export function serviceAreaCode(sa: Obj): { code: string; coverage: string | null } | null {
  const match = CBS_CODE.exec(text(sa.uri) ?? '') ?? CBS_CODE.exec(text(sa.name) ?? '');
  if (!match) return null;
  const cov = new RegExp(`^${COVERAGE_PREFIX}(buurt|wijk|gemeente|regio)$`).exec(text(sa.description) ?? '');
  return { code: match[1]!, coverage: cov ? cov[1]! : null };
}

/** Term codes a service's attributes carry, by link_type when it says (team_type/topic), else any. */
export function attributeTerms(s: Obj): { id: string | null; code: string | null; linkType: string | null }[] {
  return (Array.isArray(s.attributes) ? s.attributes : []).map((a: Obj) => ({
    id: text(a.taxonomy_term_id ?? a.taxonomy_term?.id), code: text(a.taxonomy_term?.code), linkType: text(a.link_type),
  }));
}
