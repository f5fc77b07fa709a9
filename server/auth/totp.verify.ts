// The second factor (TOTP, RFC 6238: 6 digits, 30 s) as sign-in and every write see it.
// Login calls checkSecondFactor after the password and records on the new session whether a
// code was proved; with REQUIRE_MFA=editors the global preHandler requireMfaIfConfigured
// lets editors and admins write only from such a session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { DB } from '../db/types';
import { hitCounter } from '../http/rate-limit-store';
import type { Audience } from '../domain/audience';
import { HttpError } from '../http/errors';

const TOTP_ISSUER = 'Wijkweb';
/** One step either side: a phone clock 30 s off still works, a code is good for ~90 s. */
const WINDOW = 1;

export function totpFor(email: string, secretBase32: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The 30-second step whose code `code` is (current ±1 at `now`), or null. */
function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpFor('x', secretBase32);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** True when `code` is the current code (±1 step) of the secret at `now`. */
export function codeMatches(secretBase32: string, code: string, now: Date): boolean {
  return matchingStep(secretBase32, code, now) !== null;
}

/** What sign-in learns about the second factor; login turns every "refused" into invalid_credentials. */
type SecondFactor = 'not_enabled' | 'proved' | 'refused';

/**
 * For login, after the password checked out. 'not_enabled': the account has no second
 * factor (a code sent along is ignored). 'proved': the code is the current one (±1 step)
 * and has not signed in before: someone who saw a code typed (shoulder, screen share,
 * phishing proxy) cannot reuse it in the ~90 s it stays valid. Used steps are kept in the
 * shared rate_limits counters (hashed keys), so this holds across app instances.
 * 'refused': no code, a wrong one, or a used one.
 */
export async function checkSecondFactor(
  db: Kysely<DB>,
  account: { id: string; totp_secret: string | null; totp_enabled_at: string | Date | null },
  code: string | null | undefined,
  now: Date = new Date(),
): Promise<SecondFactor> {
  if (!account.totp_enabled_at || !account.totp_secret) return 'not_enabled';
  const given = code?.trim();
  if (!given) return 'refused';
  const step = matchingStep(account.totp_secret, given, now);
  if (step === null) return 'refused';
  const use = await hitCounter(db, `totp-used:${account.id}:${step}`, 4 * 30_000, now);
  return use.current > 1 ? 'refused' : 'proved';
}

type MfaStep = 'set_up_totp' | 'sign_in_with_code';

/**
 * What a session still needs before it may write, or null. With REQUIRE_MFA=editors an
 * editor's or admin's session must itself have proved a code (at sign-in, or by switching
 * TOTP on): an account that has TOTP does not lend it to a session that never used it.
 */
export function mfaStep(
  config: { REQUIRE_MFA: 'off' | 'editors' },
  session: { role: Audience['kind']; totpEnabled: boolean; secondFactor: boolean },
): MfaStep | null {
  if (config.REQUIRE_MFA !== 'editors') return null;
  if (session.role !== 'editor' && session.role !== 'admin') return null;
  if (session.secondFactor) return null;
  return session.totpEnabled ? 'sign_in_with_code' : 'set_up_totp';
}

/** Does this audience have to prove a second factor before writing (REQUIRE_MFA=editors)? */
function mfaRequired(config: { REQUIRE_MFA: 'off' | 'editors' }, audience: Audience): boolean {
  if (audience.kind === 'anonymous') return false;
  return mfaStep(config, { role: audience.kind, totpEnabled: false, secondFactor: audience.secondFactor === true }) !== null;
}

/** What an editor without TOTP still needs to do: sign in and out, and set TOTP up. */
const MFA_EXEMPT_ROUTES = new Set([
  '/api/auth/login', '/api/auth/logout', '/api/auth/totp/setup', '/api/auth/totp/confirm',
  '/api/auth/invitations/accept', '/api/auth/reset', '/api/auth/reset/confirm',
]);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const mfaRequiredError = () => new HttpError(403, 'mfa_required',
  'Log in met de code uit uw authenticator-app (of stel die eerst in) voordat u iets wijzigt. '
  + '/ Sign in with the code from your authenticator app (or set it up first) before making changes.');

/** Global preHandler: 403 `mfa_required` on writes by editors/admins whose session proved no second factor, when configured. */
export async function requireMfaIfConfigured(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (READS.has(request.method) || !request.audience || request.audience.kind === 'anonymous') return;
  if (MFA_EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return;
  if (mfaRequired(request.server.config, request.audience)) throw mfaRequiredError();
}
