import { t } from '../i18n/i18n';
import { Phone } from './contact';

/** Always visible where someone may be in danger: 112, 113, Veilig Thuis. */
export function CrisisBlock({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="crisis" aria-labelledby="crisis-title" data-testid="crisis-block">
      <H id="crisis-title" class="crisis__title">{t('crisis.title')}</H>
      <ul class="crisis__list">
        <li><Phone number="112" /> <span>{t('crisis.112')}</span></li>
        <li><Phone number="113" /> {t('crisis.or')} <Phone number="0800-0113" /> <span>{t('crisis.113')}</span></li>
        <li><Phone number="0800-2000" /> <span>{t('crisis.veilig_thuis')}</span></li>
      </ul>
    </section>
  );
}
