// Deterministic ids for seeded rows. Seeding twice must write the same rows (and so
// hit ON CONFLICT DO NOTHING instead of adding duplicates), which random UUIDs can't do.
import { createHash } from 'node:crypto';

/**
 * A UUID derived from sha1(kind + key), laid out like an RFC 9562 version-5 UUID
 * (version nibble 5, variant 10xx) so it passes any UUID validator. `kind` keeps keys
 * of different tables apart: stableId('team', 'x') !== stableId('person', 'x').
 */
export function stableId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`wijkweb:${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic number in [0, 1) for `key`: jitter and generated numbers in the demo data. */
export function stableUnit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}
