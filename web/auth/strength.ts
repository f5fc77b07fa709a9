// Loaded lazily by PasswordField, only where a password is typed: the meter's check
// (meter-check.ts). Its reasons come back as texts in the current language.
import { getLang } from '../i18n/i18n';
import { PASSWORD_MESSAGES } from '../../server/auth/password-rules';
import { checkPassword } from './meter-check';

export function checkStrength(password: string, inputs: string[]) {
  const result = checkPassword(password, inputs);
  const texts = PASSWORD_MESSAGES[getLang()];
  return { ok: result.ok, score: result.score, reasons: result.reasons.map((r) => texts[r] ?? r) };
}
