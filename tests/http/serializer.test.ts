// The response serializer (server/http/serializer.ts) writes only what a route's schema
// declares, whatever else the handler's object holds: the visibility rule shapes people, and
// this is the last gate before the wire. As with Zod, a plain object drops what it does not
// declare and a strict one (a person's shapes) refuses it: a 500 with nothing sent. A schema
// JSON Schema cannot express keeps Zod.
import Fastify, { type FastifyInstance } from 'fastify';
import { type ZodTypeProvider, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from '../../server/http/serializer';

const Person = z.union([
  z.object({ shown_to: z.literal('public'), name: z.string() }),
  z.object({ shown_to: z.literal('professionals'), name: z.string(), phone_mobile: z.string().nullable() }),
]);

let app: FastifyInstance;
beforeAll(async () => {
  const a = Fastify().withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  a.get('/public', { schema: { response: { 200: z.object({ people: z.array(Person) }) } } }, async () => ({
    // as if a shaping bug left a professional-only field on a resident's person
    people: [{ shown_to: 'public' as const, name: 'An', phone_mobile: '0612345678', private_notes: 'x' }],
  }));
  a.get('/professional', { schema: { response: { 200: z.object({ people: z.array(Person) }) } } }, async () => ({
    people: [{ shown_to: 'professionals' as const, name: 'Bo', phone_mobile: '0687654321', private_notes: 'x' }],
  }));
  const Strict = z.discriminatedUnion('shown_to', [
    z.strictObject({ shown_to: z.literal('public'), name: z.string() }),
    z.strictObject({ shown_to: z.literal('professionals'), name: z.string(), phone_mobile: z.string().nullable() }),
  ]);
  a.get('/strict', { schema: { response: { 200: z.object({ people: z.array(Strict) }) } } }, async () => ({
    people: [{ shown_to: 'public' as const, name: 'Di' }, { shown_to: 'public' as const, name: 'Ed', phone_mobile: '0611111111' }],
  }));
  a.get('/wrong', { schema: { response: { 200: z.object({ people: z.array(Person) }) } } }, async () => ({
    people: [{ shown_to: 'nobody', name: 'Cy' }] as never,
  }));
  a.get('/date', { schema: { response: { 200: z.object({ at: z.date() }) } } }, async () => ({ at: new Date('2026-12-07T10:00:00Z'), extra: 1 }));
  await a.ready();
  app = a;
});
afterAll(async () => { await app?.close(); });

describe('response serializer', () => {
  it('leaves out every field the schema does not declare, per branch of a union', async () => {
    expect((await app.inject('/public')).json()).toEqual({ people: [{ shown_to: 'public', name: 'An' }] });
    expect((await app.inject('/professional')).json()).toEqual({ people: [{ shown_to: 'professionals', name: 'Bo', phone_mobile: '0687654321' }] });
  });

  it('refuses an answer with a key too many on a strict shape, sending nothing of it', async () => {
    const res = await app.inject('/strict');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/0611111111|Di|Ed/);
  });

  it('refuses an answer that matches no declared shape instead of sending it', async () => {
    const res = await app.inject('/wrong');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Cy');
  });

  it('keeps Zod for a schema JSON Schema cannot say (a date object), with the same result', async () => {
    expect((await app.inject('/date')).json()).toEqual({ at: '2026-12-07T10:00:00.000Z' });
  });
});
