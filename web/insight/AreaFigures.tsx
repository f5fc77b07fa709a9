// The CBS key figures of an area in words ("880 inwoners, 19% is 65 of ouder"), with the
// source line the Wijk- en Buurtkaart terms require. Nothing when the area has no figures.
import type { AreaDetail } from '../api/client';
import { getLang, t } from '../i18n/i18n';

type Figures = NonNullable<AreaDetail['figures']>;

export function figureWords(f: Figures): string[] {
  const n = (v: number) => v.toLocaleString(getLang() === 'en' ? 'en-GB' : 'nl-NL');
  const parts: string[] = [];
  if (f.inhabitants !== null) parts.push(t('insight.fig.inhabitants', { count: n(f.inhabitants) }));
  if (f.households !== null) parts.push(t('insight.fig.households', { count: n(f.households) }));
  if (f.share_65_plus !== null) parts.push(t('insight.fig.share_65_plus', { pct: f.share_65_plus }));
  if (f.share_0_15 !== null) parts.push(t('insight.fig.share_0_15', { pct: f.share_0_15 }));
  if (f.share_single_person !== null) parts.push(t('insight.fig.share_single_person', { pct: f.share_single_person }));
  if (f.share_with_children !== null) parts.push(t('insight.fig.share_with_children', { pct: f.share_with_children }));
  if (f.share_rented !== null) parts.push(t('insight.fig.share_rented', { pct: f.share_rented }));
  return parts;
}

export function AreaFigures({ figures }: { figures: AreaDetail['figures'] }) {
  if (!figures) return null;
  const words = figureWords(figures);
  if (words.length === 0) return null;
  return (
    <p class="area-figures" data-testid="area-figures">
      {words.join(', ')}. <span class="muted">{t('insight.source', { source: figures.source })}</span>
    </p>
  );
}
