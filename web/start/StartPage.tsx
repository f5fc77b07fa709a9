// / — the calm resident entry: "Waar kan ik hulp vinden?", topic tiles, the crisis
// numbers, and the way in for professionals.
import { label, t } from '../i18n/i18n';
import { api } from '../api/client';
import { useFetch } from '../components/use-fetch';
import { CrisisBlock } from '../components/CrisisBlock';
import { AddressLookup } from '../lookup/AddressLookup';
import { useTitle } from '../components/Status';
import { useTaxonomy } from '../components/taxonomy';
import { TILES } from './tiles';

export function StartPage() {
  useTitle(t('start.title'));
  const tax = useTaxonomy();
  const tiled = new Set<string>(TILES.map((x) => x.topic));
  const others = tax.topics.filter((x) => !tiled.has(x.key) && x.key !== 'crisis');
  const buurten = useFetch(() => api.buurten(), []).data ?? [];
  return (
    <div class="page start-page">
      <section class="hero">
        <h1>{t('start.title')}</h1>
        <p class="lead">{t('start.intro')}</p>
      </section>
      <CrisisBlock />
      <section aria-labelledby="tiles-title">
        <h2 id="tiles-title">{t('start.tiles_title')}</h2>
        <ul class="tiles">
          {TILES.map((x) => (
            <li key={x.topic}>
              <a class="tile" href={`/hulp/${x.topic}`}>
                <span class="tile__title">{t(`tiles.${x.key}`)}</span>
                <span class="tile__text">{t(`tiles.${x.key}_text`)}</span>
              </a>
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <details class="more-topics">
            <summary>{t('start.more_topics')}</summary>
            <ul class="tag-list">{others.map((x) => <li key={x.key}><a href={`/hulp/${x.key}`}>{label(x)}</a></li>)}</ul>
          </details>
        )}
      </section>
      <AddressLookup compact />
      {buurten.length > 0 && (
        <section aria-labelledby="buurt-title">
          <h2 id="buurt-title">{t('start.buurt_title')}</h2>
          <p>{t('start.buurt_text')}</p>
          <ul class="tag-list">{buurten.map((b) => <li key={b.code}><a href={`/gebieden/${b.code}`}>{b.name}</a></li>)}</ul>
        </section>
      )}
      <section class="panel pro-panel" aria-labelledby="pro-title">
        <h2 id="pro-title">{t('start.pro_title')}</h2>
        <p>{t('start.pro_text')}</p>
        <p><a class="button" href="/kaart">{t('start.pro_link')}</a></p>
      </section>
    </div>
  );
}
