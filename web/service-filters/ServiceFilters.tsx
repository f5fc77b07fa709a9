// The residents' filters (Nu open, Gratis, Zonder verwijzing, a language, an age,
// Rolstoeltoegankelijk) on the search results and topic pages. The state lives in the URL
// (shareable, back button works) under Dutch names; the API takes the English ones. Plain form
// controls, so a keyboard and a screen reader work without anything extra.
import { useEffect, useState } from 'preact/hooks';
import type { MatchReason } from '../../server/services/services.schemas';
import { withQuery } from '../api/client';
import { getLang, languageName, t } from '../i18n/i18n';
import { navigate } from '../router';
import './service-filters.css';

const FLAGS = [['nu_open', 'open_now'], ['gratis', 'free'], ['zonder_verwijzing', 'no_referral'], ['rolstoel', 'wheelchair']] as const;
/** Languages most asked for in Dutch neighbourhoods besides Dutch. */
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'pl', 'pap', 'ro', 'so', 'ti', 'tr', 'uk', 'zh'];

/** The filters in the URL as API parameters ({} when none). */
export function filterParams(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [url, api] of FLAGS) if (query.get(url) === '1') out[api] = '1';
  const lang = query.get('taal');
  if (lang && /^[a-z]{2,3}$/.test(lang)) out.language = lang;
  const age = query.get('leeftijd');
  if (age && /^\d{1,3}$/.test(age) && Number(age) <= 120) out.age = age;
  return out;
}

/** The filters' own URL parameters, to keep when the page links elsewhere in the same view. */
export function filterQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...FLAGS.map(([u]) => u), 'taal', 'leeftijd']) { const v = query.get(key); if (v) out[key] = v; }
  return out;
}

export function ServiceFilters({ path, query, keep }: { path: string; query: URLSearchParams; keep: Record<string, string | undefined> }) {
  const current = filterQuery(query);
  const [age, setAge] = useState(current.leeftijd ?? '');
  useEffect(() => setAge(current.leeftijd ?? ''), [current.leeftijd]);
  const go = (change: Record<string, string | undefined>) =>
    navigate(withQuery(path, { ...keep, ...current, ...change }), { replace: true });
  const count = Object.keys(current).length;
  return (
    <form class="service-filters" aria-labelledby="service-filters-title" data-testid="service-filters"
      onSubmit={(e) => { e.preventDefault(); go({ leeftijd: age.trim() || undefined }); }}>
      <h2 id="service-filters-title" class="service-filters__title">{t('service_filters.title')}</h2>
      <div class="service-filters__row">
        {FLAGS.map(([key]) => (
          <label key={key} class="service-filters__check">
            <input type="checkbox" name={key} checked={current[key] === '1'}
              onChange={(e) => go({ [key]: e.currentTarget.checked ? '1' : undefined })} />
            {t(`service_filters.${key}`)}
          </label>
        ))}
      </div>
      <div class="service-filters__row">
        <label class="service-filters__field">
          {t('service_filters.language')}
          <select name="taal" value={current.taal ?? ''} onChange={(e) => go({ taal: e.currentTarget.value || undefined })}>
            <option value="">{t('service_filters.language_any')}</option>
            {LANGUAGES.map((code) => <option key={code} value={code}>{languageName(code)}</option>)}
          </select>
        </label>
        <label class="service-filters__field">
          {t('service_filters.age')}
          <span class="service-filters__age">
            <input type="number" name="leeftijd" min={0} max={120} inputMode="numeric" value={age} onInput={(e) => setAge(e.currentTarget.value)} />
            <button type="submit" class="button-secondary">{t('service_filters.apply')}</button>
          </span>
        </label>
      </div>
      {count > 0 && <p class="service-filters__clear"><a href={withQuery(path, keep)}>{t('service_filters.clear')}</a></p>}
    </form>
  );
}

/** Why this result matches the filters, in the reader's language ("open tot 17.00", "gratis"). */
export function MatchReasons({ matches }: { matches?: MatchReason[] | undefined }) {
  if (!matches?.length) return null;
  const lang = getLang();
  return (
    <p class="match-reasons" data-testid="match-reasons">
      <span class="sr-only">{t('service_filters.why')} </span>
      {matches.map((m) => <span key={m.filter} class="match-reasons__item">{lang === 'en' ? m.en : m.nl}</span>)}
    </p>
  );
}

/** Said when the filters leave nothing. */
export const noMatchText = () => t('service_filters.none');
