// Zod field types for writes, shared by the server routes and the web forms (type-only
// imports there are not enough: the forms run these same schemas before sending).
// Empty strings from a form mean "no value" for optional fields.
import { z } from 'zod';
import { Email as EmailAddress } from '../http/schemas';

// '' → null as a union (not z.preprocess) so the schema still converts to JSON Schema
// for the OpenAPI document: its input side is plain "'' or the real format".
const Empty = z.literal('').transform(() => null);
const orEmpty = <T extends z.ZodType>(schema: T) => z.union([Empty, schema]).nullable();

export const Name = z.string().trim().min(2, 'Minstens 2 tekens').max(120, 'Hoogstens 120 tekens');
export const Text = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens`);
export const NullableText = (max: number) => orEmpty(Text(max).min(1));
export const Phone = orEmpty(z.string().trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,18}[0-9]$/, 'Een telefoonnummer, bijvoorbeeld 074-1234567'));
export const Email = orEmpty(EmailAddress);
export const WebUrl = orEmpty(z.string().trim().max(300)
  .regex(/^https?:\/\/[^\s/$.?#].[^\s]*$/i, 'Een webadres dat begint met https://'));
// Ids and taxonomy keys are the API's own primitives (http/schemas.ts), named here for the forms.
export { Uuid, Key as TaxonomyKey } from '../http/schemas';
export const BuurtCode = z.string().regex(/^BU[0-9]{8}$/, 'Een CBS-buurtcode, bijvoorbeeld BU03440101');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum als 2026-12-31')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Geen bestaande datum');
export const NullableDate = orEmpty(IsoDate);

/** A PATCH must change something. */
export const nonEmpty = <T extends object>(value: T) => Object.keys(value).length > 0;
