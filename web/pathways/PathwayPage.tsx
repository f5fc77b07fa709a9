// /verwijzen/:key — one pathway as written: the situation and its steps in the reader's
// words (residents: B1, only the steps for them). Which team and person at an address is
// on the address page, which the page points to.
import { t } from '../i18n/i18n';
import { ApiError } from '../api/client';
import { Phone } from '../components/contact';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy } from '../components/taxonomy';
import type { Params } from '../router';
import { pathway } from './api';
import './pathways.css';

export function PathwayPage({ params }: { params: Params }) {
  const key = params.key!;
  const { data, error } = useFetch((s) => pathway(key, s), [key]);
  const tax = useTaxonomy();
  useTitle(data?.title ?? statusTitle(error));
  if (error instanceof ApiError && error.status === 404) return <div class="page"><p class="notice">{t('pathways.not_found')}</p></div>;
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return (
    <article class="page pathway-page" data-testid="pathway-page">
      <p class="breadcrumb"><a href="/">{t('pathways.page_back')}</a></p>
      <h1>{data.title}</h1>
      <p class="lead">{data.situation}</p>
      <ol class="pathway-steps">
        {data.steps.map((s, i) => (
          <li key={i}>
            <span class="pathway-steps__action">{s.action}</span>
            {s.when && <span class="muted"> ({s.when})</span>}
            {s.target.kind === 'service' && <>: {s.target.name}{s.target.phone && <>, <Phone number={s.target.phone} /></>}</>}
            {s.target.kind === 'team_type' && <>: {t('pathways.step_team', { type: tax.type(s.target.team_type) })}</>}
            {s.note && <><br /><span class="pathway-steps__note">{s.note}</span></>}
          </li>
        ))}
      </ol>
      <p><a href="/adres">{t('pathways.page_lookup')}</a></p>
    </article>
  );
}
