// The authenticator app, for tests: the code of a TOTP secret at a moment, made with otpauth
// exactly as a phone app would make it.
import { Secret, TOTP } from 'otpauth';

export const totpCode = (secret: string, at: Date): string =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
