// The second factor (TOTP, RFC 6238: 6 digits, 30 s) as sign-in and every write see it.
// Login calls verifyTotpIfEnabled after the password; with REQUIRE_MFA=editors the global
// preHandler requireMfaIfConfigured keeps editors and admins without TOTP from writing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { DB } from '../db/types';
import { hitCounter } from '../http/rate-limit-store';
import type { Audience } from '../domain/audience';
import { HttpError } from '../http/errors';
import { totpEnabled } from './totp.queries';

export const TOTP_ISSUER = 'Wijkweb';
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

export const totpRequired = () => new HttpError(401, 'code_required',
  'Vul ook de code uit uw authenticator-app in. / Please also enter the code from your authenticator app.',
  [{ field: 'code', message: 'A TOTP code is required for this account' }]);
export const totpInvalid = () => new HttpError(401, 'invalid_code',
  'Deze code klopt niet. Probeer de nieuwste code. / This code is not right. Try the newest code.',
  [{ field: 'code', message: 'Wrong or expired TOTP code' }]);

/**
 * For login, after the password checked out: passes when the account has no TOTP enabled or
 * `code` is right; throws 401 `code_required` (no code) or `invalid_code` (wrong code), the codes login uses.
 */
export function verifyTotpIfEnabled(
  account: { totp_secret: string | null; totp_enabled_at: string | Date | null },
  code: string | null | undefined,
  now: Date = new Date(),
): void {
  if (!account.totp_enabled_at || !account.totp_secret) return;
  const given = code?.trim();
  if (!given) throw totpRequired();
  if (!codeMatches(account.totp_secret, given, now)) throw totpInvalid();
}

/**
 * verifyTotpIfEnabled, and each code signs in once: someone who saw a code typed (shoulder,
 * screen share, phishing proxy) cannot reuse it in the ~90 s it stays valid. Used steps are
 * kept in the shared rate_limits counters (hashed keys), so this holds across app instances.
 */
export async function verifyTotpOnce(
  db: Kysely<DB>,
  account: { id: string; totp_secret: string | null; totp_enabled_at: string | Date | null },
  code: string | null | undefined,
  now: Date = new Date(),
): Promise<void> {
  if (!account.totp_enabled_at || !account.totp_secret) return;
  const given = code?.trim();
  if (!given) throw totpRequired();
  const step = matchingStep(account.totp_secret, given, now);
  if (step === null) throw totpInvalid();
  const use = await hitCounter(db, `totp-used:${account.id}:${step}`, 4 * 30_000, now);
  if (use.current > 1) throw totpInvalid();
}

/** Does this audience have to set up TOTP before writing (REQUIRE_MFA=editors)? */
export async function mfaRequired(app: FastifyInstance, audience: Audience): Promise<boolean> {
  if (app.config.REQUIRE_MFA !== 'editors') return false;
  if (audience.kind !== 'editor' && audience.kind !== 'admin') return false;
  return !(await totpEnabled(app.database.db, audience.accountId));
}

/** What an editor without TOTP still needs to do: sign in and out, and set TOTP up. */
export const MFA_EXEMPT_ROUTES = new Set([
  '/api/auth/login', '/api/auth/logout', '/api/auth/totp/setup', '/api/auth/totp/confirm',
  '/api/auth/invitations/accept', '/api/auth/reset', '/api/auth/reset/confirm',
]);
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const mfaRequiredError = () => new HttpError(403, 'mfa_required',
  'Stel eerst tweestapsverificatie in voordat u iets wijzigt. / Set up two-step verification before making changes.');

/** Global preHandler: 403 `mfa_required` on writes by editors/admins without TOTP, when configured. */
export async function requireMfaIfConfigured(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (READS.has(request.method) || !request.audience || request.audience.kind === 'anonymous') return;
  if (MFA_EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) return;
  if (await mfaRequired(request.server, request.audience)) throw mfaRequiredError();
}
