// The "Kennismaken" link in the header, shown to signed-in accounts only (and gone at once
// on sign-out: it follows the one session store).
import { t } from '../i18n/i18n';
import { useSession } from '../auth/session';

export function KennismakenLink({ current }: { current: boolean }) {
  const { me } = useSession();
  return me ? <a href="/kennismaken" aria-current={current ? 'page' : undefined}>{t('onb.nav')}</a> : null;
}
