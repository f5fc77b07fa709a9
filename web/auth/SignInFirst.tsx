// Shown on pages that need an account, with a link back here after signing in.
import { t } from '../i18n/i18n';

export function SignInFirst() {
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div class="page">
      <h1>{t('auth.needed.title')}</h1>
      <p>{t('auth.needed.text')}</p>
      <p><a class="button" href={`/inloggen?next=${next}`}>{t('auth.signin.title')}</a></p>
    </div>
  );
}
