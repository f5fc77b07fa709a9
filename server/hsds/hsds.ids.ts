// Deterministic UUIDs for HSDS records Wijkweb has no row id for (taxonomies, terms,
// phones, schedules, service areas, links). The same key always gives the same id, so
// an export is stable and a consumer can update instead of duplicating.
import { createHash } from 'node:crypto';

/** sha1("wijkweb-hsds:" + kind + ":" + key), laid out as an RFC 9562 version-5 UUID. */
export function hsdsId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`wijkweb-hsds:${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const TEAM_TYPE_TAXONOMY = 'wijkweb_team_types';
export const TOPIC_TAXONOMY = 'wijkweb_topics';
export const taxonomyId = (name: string) => hsdsId('taxonomy', name);
export const termId = (taxonomy: string, key: string) => hsdsId('taxonomy_term', `${taxonomy}:${key}`);

/** CBS area codes (gemeente, wijk, buurt) as they appear in a service area's uri or name. */
export const CBS_CODE = /\b(GM\d{4}|WK\d{6}|BU\d{8})\b/;
export const cbsUri = (code: string) => `urn:nl:cbs:gebied:${code}`;
