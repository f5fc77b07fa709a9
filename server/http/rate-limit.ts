// Rate limits, counted in PostgreSQL so they hold across app instances.
//
// Design (sign-in): an attacker must be slowed down without locking the real user out.
//  1. Per IP: 20 sign-in attempts a minute (the plugin, on the route). Short window:
//     a guessing script from one address crawls; a person who mistypes waits seconds; an
//     office behind one NAT address (sessions last a working day) rarely gets near it.
//  2. Per account and IP: 5 failed attempts in 5 minutes from one address on one account,
//     then that address waits out the window (429 + Retry-After) for that account only.
//  3. Per account, all addresses: 20 failures in 15 minutes (a distributed guess). Past
//     that, addresses that already failed on this account wait, but an address with no
//     failure on it still gets its tries: the real user on their own phone or office
//     network signs in with the right password while the attack is going on. A botnet
//     gets only a few guesses per address per window, and step 1 caps each address.
// A success clears the account+IP counter. Limits answer 429 with Retry-After in seconds;
// the account is never disabled by failures.
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import { hitCounter, pgRateLimitStore, readCounter, resetCounter } from './rate-limit-store';

const tooMany = (retryAfterS: number) => new HttpError(429, 'rate_limited',
  `Te veel pogingen. Probeer het over ${retryAfterS} seconden opnieuw. / Too many attempts, try again in ${retryAfterS} s.`,
  [{ message: 'rate limited', retry_after: retryAfterS }]);

const byIp = (request: FastifyRequest) => request.ip;

/** POST /api/auth/login, per IP. */
export const LOGIN_IP_LIMIT: RateLimitOptions = { max: 20, timeWindow: 60_000, keyGenerator: byIp, groupId: 'login-ip' };
/** /api/lookup with a typed address, per IP: that one calls the outside geocoder (PDOK), which
 *  we must not let anyone hammer through us. Coordinate and postcode lookups stay in our own
 *  database, as cheap as any other public GET, and are not counted. */
export const LOOKUP_LIMIT: RateLimitOptions = {
  max: 60, timeWindow: 60_000, keyGenerator: byIp, groupId: 'lookup-ip',
  allowList: (request) => typeof (request.query as { address?: unknown } | undefined)?.address !== 'string',
};
/** For routes that send mail or accept a one-time token (invitations, password reset), per IP.
 *  Attach as `config: { rateLimit: SENSITIVE_LIMIT }` and call `limitPerEmail` in the handler. */
export const SENSITIVE_LIMIT: RateLimitOptions = { max: 5, timeWindow: 15 * 60_000, keyGenerator: byIp, groupId: 'sensitive-ip' };

export const ACCOUNT_IP_FAILURES = { max: 5, windowMs: 5 * 60_000 };
export const ACCOUNT_FAILURES = { max: 20, windowMs: 15 * 60_000 };

/** Routes owned by other features that get a limit without editing them. */
const LIMITED_ROUTES: Record<string, RateLimitOptions> = { '/api/lookup': LOOKUP_LIMIT };

export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  // Runs before the plugin's own onRoute hook, so the plugin sees the config.
  app.addHook('onRoute', (route) => {
    const limit = LIMITED_ROUTES[route.url];
    if (limit && route.method !== 'HEAD' && route.config?.rateLimit === undefined) {
      route.config = { ...(route.config ?? {}), rateLimit: limit };
    }
  });
  await app.register(rateLimit, {
    global: false,
    store: pgRateLimitStore(app.database.db, () => app.clock()),
    skipOnError: false,
    errorResponseBuilder: (_request, context) => tooMany(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

const accountIpKey = (email: string, ip: string) => `login-fail:${email}:${ip}`;
const accountKey = (email: string) => `login-fail:${email}`;

/** Before checking a password: 429 when this address or this account is being hammered. */
function refuse(reply: FastifyReply, ttlMs: number): never {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  reply.header('retry-after', String(seconds));
  throw tooMany(seconds);
}

export async function checkLoginAllowed(app: FastifyInstance, reply: FastifyReply, email: string, ip: string): Promise<void> {
  const db = app.database.db;
  const now = app.clock();
  const pair = await readCounter(db, accountIpKey(email, ip), now);
  if (pair.current >= ACCOUNT_IP_FAILURES.max) refuse(reply, pair.ttl);
  const account = await readCounter(db, accountKey(email), now);
  if (account.current >= ACCOUNT_FAILURES.max && pair.current > 0) refuse(reply, account.ttl);
}

export async function recordLoginFailure(app: FastifyInstance, email: string, ip: string): Promise<void> {
  const now = app.clock();
  await hitCounter(app.database.db, accountIpKey(email, ip), ACCOUNT_IP_FAILURES.windowMs, now);
  await hitCounter(app.database.db, accountKey(email), ACCOUNT_FAILURES.windowMs, now);
}

export async function recordLoginSuccess(app: FastifyInstance, email: string, ip: string): Promise<void> {
  await resetCounter(app.database.db, accountIpKey(email, ip));
}

/** Per e-mail address limit for invitation/reset style routes (429 past `max` in `windowMs`). */
export async function limitPerEmail(app: FastifyInstance, reply: FastifyReply, action: string, email: string, limit = { max: 3, windowMs: 15 * 60_000 }): Promise<void> {
  const hit = await hitCounter(app.database.db, `${action}:${email.trim().toLowerCase()}`, limit.windowMs, app.clock());
  if (hit.current > limit.max) refuse(reply, hit.ttl);
}
