// /zoeken?q=&page= — every result, paged, each with its kind. The full page behind the
// header box, and the plain way in for anyone who skips the suggestions (a screen reader
// user, a keyboard user who presses Enter at once).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { withQuery } from '../api/client';
import { announce } from '../components/announce';
import { accessText, Phone } from '../components/contact';
import { CrisisBlock, crisisSummary } from '../components/CrisisBlock';
import { isNew, NewMark } from '../components/NewMark';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { navigate, type Params } from '../router';
import { hrefFor, MIN_CHARS, organisationApi, searchApi, type SearchItem } from './api';
import { describeItem } from './SearchBox';
import { noMatchText, filterParams, filterQuery, MatchReasons, ServiceFilters } from '../service-filters/ServiceFilters';
import './search.css';

const PER_PAGE = 20;

export function SearchPage({ query }: { params: Params; query: URLSearchParams }) {
  const q = (query.get('q') ?? '').trim();
  const page = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  const tooShort = q.length > 0 && q.length < MIN_CHARS;
  const tax = useTaxonomy();
  useTitle(q ? t('search.page_title_q', { q }) : t('search.page_title'));
  const filters = filterParams(query);
  const filterKey = JSON.stringify(filters);
  const { data, error } = useFetch((s) => (q.length >= MIN_CHARS ? searchApi(q, { page, per_page: PER_PAGE, ...filters }, s) : Promise.resolve(null)), [q, page, filterKey]);
  useEffect(() => {
    if (!data) return;
    const count = data.total ? t('search.results', { n: data.total, q }) : data.crisis ? t('search.results_none_crisis', { q }) : t('search.results_none', { q });
    announce(data.crisis ? `${crisisSummary(data.crisis)} ${count}` : count);
  }, [data]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  const pageHref = (p: number) => withQuery('/zoeken', { q, ...filterQuery(query), page: p > 1 ? p : undefined });

  return (
    <div class="page search-page" data-testid="search-page">
      <h1 id="search-title">{q ? t('search.page_title_q', { q }) : t('search.page_title')}</h1>
      {data?.crisis && <CrisisBlock crisis={data.crisis} />}
      <SearchForm key={q} q={q} />
      {q.length >= MIN_CHARS && <ServiceFilters path="/zoeken" query={query} keep={{ q }} />}
      {tooShort && <p class="notice">{t('search.too_short')}</p>}
      {error ? <ErrorMessage error={error} /> : q.length >= MIN_CHARS && !data ? <Loading /> : null}
      {data && (
        <section aria-labelledby="results-count">
          <h2 id="results-count" data-testid="results-count">{data.total ? t('search.results', { n: data.total, q })
            : data.crisis ? t('search.results_none_crisis', { q }) : t('search.results_none', { q })}</h2>
          {data.total === 0 && filterKey !== '{}' && <p>{noMatchText()}</p>}
          {data.total === 0 && <p><a href="/">{t('search.to_start')}</a></p>}
          <ol class="search-results" start={(page - 1) * PER_PAGE + 1} data-testid="search-results">
            {data.items.map((item) => <li key={`${item.kind}:${item.id}`} data-kind={item.kind}><Result item={item} tax={tax} /></li>)}
          </ol>
          {pages > 1 && (
            <nav class="pager" aria-label={t('search.pages')}>
              {page > 1 && <a href={pageHref(page - 1)} rel="prev">{t('search.prev')}</a>}
              <span>{t('search.page_of', { page, pages })}</span>
              {page < pages && <a href={pageHref(page + 1)} rel="next">{t('search.next')}</a>}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

function SearchForm({ q }: { q: string }) {
  const [value, setValue] = useState(q);
  const input = useRef<HTMLInputElement>(null);
  return (
    <form role="search" class="search-form" action="/zoeken" method="get" aria-labelledby="search-title"
      onSubmit={(e) => { e.preventDefault(); if (value.trim()) navigate(withQuery('/zoeken', { q: value.trim() })); else input.current?.focus(); }}>
      <label for="zoek-pagina">{t('search.page_field')}</label>
      <p id="zoek-pagina-uitleg" class="hint">{t('search.page_intro')}</p>
      <div class="search-form__row">
        <input ref={input} id="zoek-pagina" name="q" type="search" value={value} maxLength={200} autocomplete="off"
          aria-describedby="zoek-pagina-uitleg" onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="button">{t('search.submit')}</button>
      </div>
    </form>
  );
}

function Result({ item, tax }: { item: SearchItem; tax: Taxonomy }) {
  // The badge says what it is: a school, a huisarts, a wijkteam, not "Team" for all.
  const badge = item.kind === 'team' && item.team_type ? tax.short(item.team_type) || t('search.kind_label.team') : t(`search.kind_label.${item.kind}`);
  const plain = item.kind === 'team' && item.team_type ? tax.plain(item.team_type) : '';
  return (
    <>
      <h3 class="search-results__title">
        <span class="pill">{badge}</span>
        <a href={hrefFor(item)}>{item.name}</a>
        {item.person && <NewMark show={isNew(item.person)} inline />}
      </h3>
      {item.kind !== 'topic' && item.kind !== 'organisation' && <p class="search-results__meta">{describeItem(item, tax)}</p>}
      {plain && <p class="search-results__plain">{plain}</p>}
      <MatchReasons matches={item.matches} />
      {item.kind === 'team' && <HowToGetHelp access={item.access} phone={item.public_phone} />}
      {item.kind === 'organisation' && <OrganisationTeams id={item.id} />}
    </>
  );
}

/** How a resident gets this help, and the number to call: no second click needed. */
function HowToGetHelp({ access, phone }: { access?: string | undefined; phone?: string | undefined }) {
  if (!access && !phone) return null;
  return (
    <p class="search-results__how">
      {access && <span><strong>{t('team.access')}:</strong> {accessText(access).toLowerCase()}. </span>}
      {phone && <span class="search-results__phone">{t('search.call')} <Phone number={phone} /></span>}
    </p>
  );
}

/** An organisation has no page of its own: list its teams here. */
function OrganisationTeams({ id }: { id: string }) {
  const { data } = useFetch((s) => organisationApi(id, s), [id]);
  if (!data || data.teams.length === 0) return null;
  return (
    <p class="search-results__meta">
      {t('search.org_teams')}{' '}
      {data.teams.map((team, i) => <span key={team.id}>{i > 0 && ', '}<a href={`/teams/${team.id}`}>{team.name}</a></span>)}
    </p>
  );
}
