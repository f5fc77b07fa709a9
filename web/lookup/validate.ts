// Client-side checks of the address form, the same rules as server/lookup/lookup.schemas.ts,
// so a typo gets a clear Dutch message at once instead of a round trip.
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,4})?$/;

/** "1372 ab" → "1372AB"; null when it is not a Dutch postcode. */
export function normalisePostcode(value: string): string | null {
  const v = value.trim().replace(/\s+/g, ' ');
  return POSTCODE.test(v) ? v.replace(' ', '').toUpperCase() : null;
}

export function validHouseNumber(value: string): boolean {
  return HOUSE_NUMBER.test(value.trim());
}

export function validAddress(value: string): boolean {
  const v = value.trim();
  return v.length >= 3 && v.length <= 200;
}
