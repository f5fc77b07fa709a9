import type { Crisis, CrisisLine } from '../../server/search/search.schemas';
import { getLang, t } from '../i18n/i18n';
import { Phone } from './contact';

export type { Crisis };

/**
 * Where someone may be in danger. Without `crisis`: the three numbers everyone should
 * know (start page). With `crisis` (from the server: a search or topic that signals
 * danger): its lines, each a big tap-able number with plain words, before anything else.
 */
export function CrisisBlock({ crisis, headingLevel = 2, id = 'crisis-title' }: { crisis?: Crisis | undefined; headingLevel?: 2 | 3; id?: string }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (crisis) {
    return (
      <section class="crisis crisis--lines" aria-labelledby={id} data-testid="crisis-block" data-signals={crisis.signals.join(' ')}>
        <H id={id} class="crisis__title">{t(`crisis.title_${crisis.signals[0]}`)}</H>
        <ul class="crisis__list">{crisis.lines.map((line) => <li key={line.key}><Line line={line} /></li>)}</ul>
      </section>
    );
  }
  return (
    <section class="crisis" aria-labelledby={id} data-testid="crisis-block">
      <H id={id} class="crisis__title">{t('crisis.title')}</H>
      <ul class="crisis__list">
        <li><Phone number="112" /> <span>{t('crisis.112')}</span></li>
        <li><Phone number="113" /> {t('crisis.or')} <Phone number="0800-0113" /> <span>{t('crisis.113')}</span></li>
        <li><Phone number="0800-2000" /> <span>{t('crisis.veilig_thuis')}</span></li>
      </ul>
    </section>
  );
}

const words = (text: { nl: string; en: string }) => (getLang() === 'en' ? text.en : text.nl);

function Line({ line }: { line: CrisisLine }) {
  return (
    <div class="crisis-line">
      {line.tel && line.number
        ? <a class="crisis-line__call" href={line.tel}>{t('crisis.call', { number: line.number })}</a>
        : <span class="crisis-line__name">{words(line.name)}</span>}
      <p class="crisis-line__text">
        {line.tel && <strong>{words(line.name)}. </strong>}
        {words(line.text)} <span class="crisis-line__when">{words(line.when)}.</span>
        {line.web && <> <a href={line.web}>{line.web.replace(/^https:\/\/(www\.)?/, '')}</a></>}
      </p>
    </div>
  );
}

/** Compact: the numbers only, for the search box's suggestions. */
export function CrisisQuick({ crisis }: { crisis: Crisis }) {
  return (
    <div class="crisis-quick" data-testid="search-crisis">
      <p class="crisis-quick__title">{t(`crisis.title_${crisis.signals[0]}`)}</p>
      <ul class="crisis-quick__list">
        {crisis.lines.filter((line) => line.tel).map((line) => (
          <li key={line.key}><a class="crisis-line__call crisis-line__call--small" href={line.tel!}>{t('crisis.call', { number: line.number! })}</a> <span>{words(line.name)}</span></li>
        ))}
      </ul>
    </div>
  );
}

/** The block in one sentence, for a live region: "U bent niet alleen. … Bel 113: 113 Zelfmoordpreventie." */
export function crisisSummary(crisis: Crisis): string {
  const calls = crisis.lines.filter((line) => line.number).map((line) => `${t('crisis.call', { number: line.number! })}: ${words(line.name)}.`);
  return [t(`crisis.title_${crisis.signals[0]}`), ...calls].join(' ');
}
