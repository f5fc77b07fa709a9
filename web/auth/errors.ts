// Server errors as text for the person at the form: known codes get our own words, a
// field the server named gets its message next to that field.
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('auth.error.generic');
  if (error.status === 0) return t('auth.error.network');
  if (error.status === 429) return t('auth.error.rate_limited');
  const known = `auth.error.${error.code}`;
  const text = t(known);
  return text !== known ? text : error.message || t('auth.error.generic');
}

/** Field messages the server sent (400 naming the field). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.filter((d) => d.field).map((d) => [d.field!, d.message]));
}
