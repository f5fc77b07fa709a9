// /wijk/:code/wijzigingen — the wijk's change feed, newest first (signed in only).
import { ApiError } from '../api/client';
import { formatDate, t } from '../i18n/i18n';
import { Avatar } from '../components/Avatar';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import type { Params } from '../router';
import { onboardingApi, type Change } from './api';
import { SignInFirst } from './KennismakenPage';
import { NewMark } from '../components/NewMark';
import './onboarding.css';

function describe(c: Change): string {
  const team = c.team.name;
  const buurten = c.buurten.map((b) => b.name).join(', ');
  if (c.kind === 'role_changed') return t('chg.role_changed', { team, role: c.role ?? '', previous: c.previous_role ?? '' });
  return t(`chg.${c.kind}`, { team, buurten });
}

export function ChangesPage({ params }: { params: Params }) {
  const code = params.code!;
  const { data, error } = useFetch((s) => onboardingApi.changes(code, s), [code]);
  useTitle(data ? t('chg.title', { name: data.area.name }) : statusTitle(error));
  if (error instanceof ApiError && error.status === 401) return <div class="page"><SignInFirst /></div>;
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return (
    <article class="page changes" data-testid="changes">
      <h1>{t('chg.title', { name: data.area.name })}</h1>
      <p class="lead">{t('chg.intro')}</p>
      <p><a href="/kennismaken">{t('chg.back')}</a></p>
      {data.items.length === 0 ? <p>{t('chg.none')}</p> : (
        <ol class="changes__list">
          {data.items.map((c, i) => (
            <li key={`${c.at}-${i}`} class="change" data-kind={c.kind}>
              <p class="change__when"><time dateTime={c.at}>{formatDate(c.at)}</time></p>
              <p class="change__what">{describe(c)}</p>
              {c.person && (
                <p class="change__who">
                  <Avatar name={c.person.name} initials={c.person.initials} photo={c.person.photo_url} size="sm" />
                  <a href={`/mensen/${c.person.id}`}>{c.person.name}</a>{c.person.job_title ? `, ${c.person.job_title}` : ''}
                </p>
              )}
              <NewMark show={c.new_in_wijk && c.kind === 'joined'} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
