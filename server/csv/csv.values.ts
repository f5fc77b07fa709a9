// Cell codecs: how one value is written to and read from a CSV cell. Every reader either
// returns the value or a Dutch message saying what the cell should hold; none throws.
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, KEY_PATTERN } from '../http/schemas';
import { LIST_SEPARATOR } from './csv.format';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };
export interface Codec<T> { read(cell: string): Read<T>; write(value: T): string }

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });
// Control characters never belong in a directory value (tabs and newlines in free text do).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(max = 2000, required = false): Codec<string> {
  return {
    read: (cell) => {
      const v = cell.trim();
      if (required && v === '') return fail('mag niet leeg zijn');
      if (v.length > max) return fail(`mag hoogstens ${max} tekens hebben`);
      if (CONTROL.test(v)) return fail('bevat stuurtekens');
      return ok(v);
    },
    write: (v) => v,
  };
}

/** Empty cell = no value (null). */
export function optional<T>(inner: Codec<T>): Codec<T | null> {
  return {
    read: (cell) => (cell.trim() === '' ? ok(null) : inner.read(cell)),
    write: (v) => (v === null ? '' : inner.write(v)),
  };
}

export function pattern(re: RegExp, hint: string, max = 200): Codec<string> {
  return {
    read: (cell) => {
      const v = cell.trim();
      return v.length <= max && re.test(v) ? ok(v) : fail(hint);
    },
    write: (v) => v,
  };
}

export const yesNo: Codec<boolean> = {
  read: (cell) => {
    const v = cell.trim().toLowerCase();
    if (['ja', 'j', 'yes', 'true', '1'].includes(v)) return ok(true);
    if (['nee', 'n', 'no', 'false', '0', ''].includes(v)) return ok(false);
    return fail('moet "ja" of "nee" zijn');
  },
  write: (v) => (v ? 'ja' : 'nee'),
};

export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return {
    read: (cell) => {
      const v = cell.trim();
      return (values as readonly string[]).includes(v) ? ok(v as T) : fail(`moet een van ${values.join(', ')} zijn`);
    },
    write: (v) => v,
  };
}

/** A decimal number; Dutch spreadsheets write 52,1 for 52.1, so both are read. */
export function decimal(min: number, max: number): Codec<number> {
  return {
    read: (cell) => {
      const v = cell.trim().replace(',', '.');
      const n = Number(v);
      if (v === '' || !/^-?\d+(\.\d+)?$/.test(v) || !Number.isFinite(n)) return fail('moet een getal zijn, zoals 52.1234');
      return n >= min && n <= max ? ok(n) : fail(`moet tussen ${min} en ${max} liggen`);
    },
    write: (v) => String(v),
  };
}

/** `a|b|c`: items each read by `item`; empty cell = empty list; duplicates dropped. */
export function list<T>(item: Codec<T>, maxItems = 200): Codec<T[]> {
  return {
    read: (cell) => {
      const parts = cell.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean);
      if (parts.length > maxItems) return fail(`hoogstens ${maxItems} waarden`);
      const values: T[] = [];
      for (const part of parts) {
        const r = item.read(part);
        if (!r.ok) return fail(`"${part.slice(0, 40)}": ${r.message}`);
        if (!values.includes(r.value)) values.push(r.value);
      }
      return ok(values);
    },
    write: (v) => v.map(item.write).join(LIST_SEPARATOR),
  };
}

export const KEY = pattern(KEY_PATTERN, 'moet een sleutel zijn zoals social_district_team');
export const AREA_CODE = pattern(/^BU[0-9]{4,8}$/, 'moet een CBS-buurtcode zijn zoals BU03440101');
/** External ids end up inside `|`- and `:`-joined lists, so those characters are refused. */
export const EXTERNAL_ID = pattern(/^[^|:;,\s][^|:;,\u0000-\u001F]{0,99}$/, 'moet 1–100 tekens zijn, zonder | : ; , of spatie vooraan');
export const DATE = pattern(/^\d{4}-\d{2}-\d{2}$/, 'moet een datum zijn als 2025-01-31');
export const EMAIL = pattern(EMAIL_PATTERN, 'moet een e-mailadres zijn', EMAIL_MAX_LENGTH);
export const PHONE = pattern(/^[+0-9][0-9 ()-]{5,24}$/, 'moet een telefoonnummer zijn zoals 020 123 4567');
export const URL_OR_PATH = pattern(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, 'moet een adres zijn dat met https:// of / begint', 500);
