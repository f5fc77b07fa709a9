// /kennismaken/print — the pack as a printable A4 list with faces. The server already left
// out what this account may not see; printing adds nothing and drops the "met" marks.
import { t } from '../i18n/i18n';
import { Avatar } from '../components/Avatar';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useTaxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { ApiError } from '../api/client';
import { onboardingApi } from './api';
import { SignInFirst } from './KennismakenPage';
import './onboarding.css';

export function KennismakenPrintPage({ query }: { query: URLSearchParams }) {
  const area = query.get('area');
  const { data, error } = useFetch((s) => onboardingApi.pack(area, s), [area]);
  const tax = useTaxonomy();
  useTitle(data?.area ? t('onb.print_title', { name: data.area.name }) : statusTitle(error));
  if (error instanceof ApiError && error.status === 401) return <div class="page"><SignInFirst /></div>;
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  if (!data.area) return <div class="page"><p><a href="/kennismaken">{t('onb.choose_title')}</a></p></div>;
  return (
    <article class="page print-pack" data-testid="print-pack">
      <p class="no-print"><a href="/kennismaken">{t('onb.print_back')}</a> · <button type="button" class="button" onClick={() => window.print()}>{t('onb.print_button')}</button></p>
      <h1>{t('onb.print_title', { name: data.area.name })}</h1>
      {data.teams.map((team) => (
        <section key={team.id} class="print-pack__team" aria-labelledby={`p-${team.id}`}>
          <h2 id={`p-${team.id}`}>{team.name} <span class="print-pack__type">· {tax.type(team.team_type)}</span></h2>
          <p class="print-pack__reach">{[team.public_phone, team.public_email, team.walk_in_hours].filter(Boolean).join(' · ')}</p>
          <ul class="print-pack__people">
            {team.members.map((m) => (
              <li key={m.person.id}>
                <Avatar name={m.person.name} initials={m.person.initials} photo={m.person.photo_url} size="sm" />
                <span><strong>{m.person.name}</strong>{m.new_in_wijk ? ` (${t('person.new').toLowerCase()})` : ''}<br />
                  {m.person.job_title}
                  {[m.person.phone_work, 'phone_mobile' in m.person ? m.person.phone_mobile : null, m.person.email_work].filter(Boolean).map((v) => <><br />{v}</>)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
