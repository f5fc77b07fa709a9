// "Inzicht" in the header, for the analist and admins only.
import { useSession } from '../auth/session';
import { t } from '../i18n/i18n';
import { seesInsight } from './api';

export function InsightNavLink({ current }: { current: boolean }) {
  const { me } = useSession();
  if (!seesInsight(me?.role)) return null;
  return <a href="/inzicht" aria-current={current ? 'page' : undefined}>{t('insight.menu')}</a>;
}
