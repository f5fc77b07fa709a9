// The edit forms' model: a record becomes flat form values (strings, booleans, sorted
// lists), the changed ones become a PATCH body, and that body is checked with the very
// Zod schema the server uses, so a form never sends what the server would refuse.
import type { z } from 'zod';
import type { ApiError } from '../api/client';

export type FormValue = string | boolean | string[];
export type Values = Record<string, FormValue>;

export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'email' | 'tel' | 'url' | 'select' | 'checks' | 'lines' | 'checkbox';
  /** For select and checks: value and visible label. */
  options?: () => Array<{ value: string; label: string }>;
  hint?: string;
}

const norm = (v: FormValue): string => (Array.isArray(v) ? JSON.stringify([...v].sort()) : String(v).trim());
export const same = (a: FormValue | undefined, b: FormValue | undefined) => a !== undefined && b !== undefined && norm(a) === norm(b);

/** The names of the fields whose value differs from the record as read. */
export const changedFields = (base: Values, draft: Values): string[] => Object.keys(draft).filter((k) => !same(base[k], draft[k]));

/** A form value as the API takes it: lines become a list of non-empty lines. */
function toWire(spec: FieldSpec | undefined, value: FormValue): unknown {
  if (spec?.kind === 'lines' && typeof value === 'string') return value.split('\n').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return [...value].sort();
  return value;
}

export const bodyOf = (specs: FieldSpec[], draft: Values, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, toWire(specs.find((s) => s.name === k), draft[k]!)]));

export type FieldErrors = Record<string, string>;

/** Zod's issues as one Dutch message per top-level field (a list item's error names the list). */
function zodErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'body');
    out[field] ??= issue.message;
  }
  return out;
}

/** A server 400's named fields, shown the same way as the browser's own check. */
export function serverErrors(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const d of error.details) if (d.field) out[d.field.replace(/^body\./, '').split('.')[0]!] ??= d.message;
  return out;
}

export function validate(schema: z.ZodType, body: Record<string, unknown>): FieldErrors | null {
  const result = schema.safeParse(body);
  return result.success ? null : zodErrors(result.error);
}
