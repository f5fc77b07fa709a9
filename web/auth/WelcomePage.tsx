// /welkom?token=… — an invited colleague chooses a password and is signed in at once.
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { useTitle } from '../components/Status';
import { NewPasswordForm } from './ResetPages';
import { refreshSession } from './session';

export function WelcomePage() {
  useTitle(t('auth.welcome.title'));
  return (
    <div class="page auth-page">
      <h1>{t('auth.welcome.title')}</h1>
      <p class="lead-small">{t('auth.welcome.intro')}</p>
      <NewPasswordForm endpoint="/api/auth/invitations/accept" submitLabel={t('auth.welcome.submit')}
        onDone={() => { void refreshSession().finally(() => navigate('/kaart', { replace: true })); }} />
    </div>
  );
}
