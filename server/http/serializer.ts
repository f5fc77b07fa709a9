// Responses are written by fast-json-stringify from each route's Zod response schema, turned
// into JSON Schema once: the same fields leave as with Zod (only the declared ones; anything
// else on the object stays behind), in about half the time for long lists, because nothing is
// parsed and copied first. A schema JSON Schema cannot say (a transform, a date object) keeps
// the Zod serializer of fastify-type-provider-zod. Compiled on a route's first answer, so the
// ~150 routes add nothing to the start.
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { toJSONSchema, ZodType } from 'zod';

type Compile = Parameters<typeof zodSerializerCompiler>[0];

function asJsonSchema(schema: unknown): object | null {
  // Fastify hands a route's response schema over as is, or wrapped as { properties } (as the Zod compiler reads it).
  const zod = schema instanceof ZodType ? schema
    : (schema as { properties?: unknown } | null)?.properties instanceof ZodType ? (schema as { properties: ZodType }).properties : null;
  if (!zod) return null;
  try {
    return toJSONSchema(zod, { io: 'output', target: 'draft-7', unrepresentable: 'throw', cycles: 'throw', override: stripUnlessStrict });
  } catch {
    return null;
  }
}

// Zod's plain objects strip unknown keys and its strict objects refuse them; JSON Schema says
// `additionalProperties: false` for both. Only the strict ones keep it: inside a union (a
// person is one: public or professional shape) fast-json-stringify then finds no branch for
// an object with a key too many and refuses the answer (500, nothing sent), as Zod did. Any
// other object writes only its declared keys, as Zod's strip did.
function stripUnlessStrict(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (ctx.zodSchema as { _zod: { def: { type: string; catchall?: { _zod: { def: { type: string } } } } } })._zod.def;
  if (def.type === 'object' && def.catchall?._zod.def.type !== 'never' && ctx.jsonSchema.additionalProperties === false) {
    delete ctx.jsonSchema.additionalProperties;
  }
}

export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  let serialize: ((data: unknown) => string) | undefined;
  return (data) => {
    if (!serialize) {
      const json = asJsonSchema(route.schema);
      serialize = json ? fastJson(json) : zodSerializerCompiler(route as Compile);
    }
    return serialize(data);
  };
};

/** The writer the routes use for `schema`, for a part of an answer written apart (see people/people.cards-json.ts). */
export function jsonWriterFor(schema: ZodType): (data: unknown) => string {
  return serializerCompiler({ schema, method: 'GET', url: '', httpStatus: '200' }) as (data: unknown) => string;
}

/**
 * The writer for `schema` as UTF-8, keeping the JSON of a frozen object (one a cache shares
 * between answers until its data changes) beside it, so the next answer copies the bytes
 * instead of writing them again; anything not frozen is written anew each time.
 */
export function keptJsonWriter(schema: ZodType): (value: object) => Buffer {
  const write = jsonWriterFor(schema);
  const kept = new WeakMap<object, Buffer>();
  return (value) => {
    let json = kept.get(value);
    if (json === undefined) {
      json = Buffer.from(write(value));
      if (Object.isFrozen(value)) kept.set(value, json);
    }
    return json;
  };
}

/**
 * One answer from its parts: written text and kept UTF-8. Bytes, not a string: one name with
 * a letter outside Latin-1 (ş, ı) makes a whole JavaScript string two bytes a character, to
 * be scanned and encoded again on the way out; kept parts are copied as they are.
 */
export function joinJson(parts: ReadonlyArray<string | Buffer>): Buffer {
  let length = 0;
  for (const part of parts) length += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? out.write(part, at) : part.copy(out, at);
  return out;
}

/** A written object's JSON without its closing brace, for fields written apart after it. */
export const openObject = (json: string): string => json.slice(0, -1);

/** A route option: `write` (bytes, see joinJson) for the 200 answer; every other answer keeps the schema's writer. */
export const answerWriter = (write: (data: never) => Buffer): FastifySerializerCompiler<unknown> =>
  (route) => (route.httpStatus === '200' ? write as unknown as (data: unknown) => string : serializerCompiler(route));
