// The mark on a team or person page when the entry has not been checked for a long time:
// residents read that it may be out of date; professionals also see that residents no
// longer see it. Text, not colour alone.
import { t } from '../i18n/i18n';
import './review.css';

export function StaleMark({ item }: { item: { stale?: boolean; hidden_from_residents?: boolean } }) {
  if (!item.stale) return null;
  return (
    <p class="stale-mark" data-testid="stale-mark">
      <strong>{t('review.mark.stale')}</strong>{' '}
      {item.hidden_from_residents ? t('review.mark.hidden') : t('review.mark.explain')}
    </p>
  );
}
