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
    return stripping(toJSONSchema(zod, { io: 'output', target: 'draft-7', unrepresentable: 'throw', cycles: 'throw' }));
  } catch {
    return null;
  }
}

// Zod's objects strip unknown keys; JSON Schema's `additionalProperties: false` would instead
// make a union branch refuse an object with one key too many. Without it, fast-json-stringify
// picks the branch by its declared keys and constants and, as Zod, writes only those.
function stripping(schema: unknown): object {
  if (Array.isArray(schema)) return schema.map(stripping);
  if (!schema || typeof schema !== 'object') return schema as object;
  return Object.fromEntries(Object.entries(schema).filter(([k, v]) => !(k === 'additionalProperties' && v === false))
    .map(([k, v]) => [k, stripping(v)]));
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
