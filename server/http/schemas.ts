// The primitives every feature shares, defined once: the patterns (for CSV cells and HSDS
// records too) and the Zod schemas built on them (also run by the web app's forms, through
// editing/editing.fields.ts).
import { z } from 'zod';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);
/** A taxonomy key (team type, topic): `social_district_team`. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RFC 5321: a path holds at most 256 octets, brackets included, so an address at most 254. */
export const EMAIL_MAX_LENGTH = 254;

export const Uuid = z.string().regex(UUID_PATTERN, 'Must be a UUID');
export const IdParams = z.object({ id: Uuid });
export const AreaCode = z.string().regex(/^(GM|WK|BU)[0-9]{4,8}$/, 'Must be a CBS code like GM0344, WK034401 or BU03440101');
export const Key = z.string().regex(KEY_PATTERN, 'Must be a taxonomy key like social_district_team');
/** An e-mail address, trimmed and in lower case (accounts are found by it case-insensitively). */
export const Email = z.string().trim().toLowerCase()
  .max(EMAIL_MAX_LENGTH, `Hoogstens ${EMAIL_MAX_LENGTH} tekens`)
  .regex(EMAIL_PATTERN, 'Een e-mailadres, bijvoorbeeld naam@voorbeeld.nl');

/** `type=a,b` or `type=a`: a comma-separated list of taxonomy keys. */
export const KeyList = z
  .string()
  .max(1000)
  .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(Key).max(50));

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), per_page: z.number().int() });

/** minLon,minLat,maxLon,maxLat in WGS84. */
export const BBox = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'Must be minLon,minLat,maxLon,maxLat')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(([a, b, c, d]) => a <= c && b <= d && a >= -180 && c <= 180 && b >= -90 && d <= 90, 'Corners out of order or range');
export type BBox = [number, number, number, number];

export const SearchText = z.string().trim().max(200, 'At most 200 characters')
  // control characters (NUL above all) are never meaningful in text a person typed
  .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'Contains control characters');

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string().optional(), in: z.string().optional(), message: z.string() }).passthrough()),
});

/** A response that is not JSON, declared with its real media type in /docs/json (Markdown, vCard, CSV, SVG …). */
export const mediaResponse = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: z.string() } } });

/** Response schemas for the error statuses a route can return (for OpenAPI). */
export const errorResponses = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, ErrorBody])) as Record<number, typeof ErrorBody>;

// Response schemas are encoded by the Zod serializer, so they hold no transforms.
export const Timestamp = z.string().describe('ISO-8601 date-time');
export const NullableTimestamp = Timestamp.nullable();

/** What the signed-in caller may do with a record (server/domain/permissions.ts); absent for residents. */
export const MayFlags = z.record(z.string(), z.boolean())
  .describe('What you may do with this record, e.g. { "edit": true, "verify": true, "end": false } (signed in only)');
