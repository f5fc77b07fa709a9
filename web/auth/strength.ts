// Loaded lazily by PasswordField: the server's own password policy (browser-safe), so the
// meter and the server never disagree about what is strong enough. Its reasons come back
// as texts in the current language.
import { getLang } from '../i18n/i18n';
import { checkPassword, PASSWORD_MESSAGES } from '../../server/auth/password-policy';

export function checkStrength(password: string, inputs: string[]) {
  const result = checkPassword(password, inputs);
  const texts = PASSWORD_MESSAGES[getLang()];
  return { ok: result.ok, score: result.score, reasons: result.reasons.map((r) => texts[r] ?? r) };
}
