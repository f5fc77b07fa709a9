// /mensen/:id — one person as the audience may see them, and the teams they work in.
import { api } from '../api/client';
import { formatDate, languageName, t } from '../i18n/i18n';
import { Avatar } from '../components/Avatar';
import { isNew, NewMark } from '../components/NewMark';
import { dayName, showRole } from '../components/PersonCard';
import { Email, Phone } from '../components/contact';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy } from '../components/taxonomy';
import type { Params } from '../router';
import { VcardBlock } from '../exchange/VcardBlock';
import { PersonEditLink } from '../edit/EditLink';
import { StaleMark } from '../review/StaleMark';
import { VerifyButton } from '../review/VerifyButton';

export function PersonPage({ params }: { params: Params }) {
  const id = params.id!;
  const { data, error } = useFetch((s) => api.person(id, s), [id]);
  const tax = useTaxonomy();
  useTitle(data?.person.name ?? statusTitle(error));
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  const { person, memberships } = data;
  const mobile = 'phone_mobile' in person ? person.phone_mobile : null;
  const days = 'working_days' in person ? person.working_days : [];
  const teamNotes = ['availability_note' in person ? person.availability_note : null, 'private_notes' in person ? person.private_notes : null].filter(Boolean);
  return (
    <article class="page person-page" data-testid="person-page">
      <div class="person-hero">
        <Avatar name={person.name} initials={person.initials} photo={person.photo_url} size="lg" />
        <div>
          <h1>{person.name}</h1>
          <PersonEditLink person={person} teamIds={memberships.map((m) => m.team.id)} />
          <p class="lead">{person.job_title}{person.pronouns ? ` (${person.pronouns})` : ''}</p>
          <NewMark show={isNew(person)} />
        </div>
      </div>
      <div class="two-col">
        <section class="panel" aria-labelledby="ask-title">
          <h2 id="ask-title">{t('person.ask_me')}</h2>
          <p>{person.ask_me_about || t('person.ask_none')}</p>
          {person.topics.length > 0 && (
            <ul class="tag-list">{person.topics.map((k) => <li key={k}><a href={`/hulp/${k}`}>{tax.topic(k)}</a></li>)}</ul>
          )}
          {'languages' in person && person.languages.length > 0 && <p><span class="label">{t('person.languages')}</span> {person.languages.map(languageName).join(', ')}</p>}
        </section>
        <section class="panel contact-panel" aria-labelledby="pcontact-title">
          <h2 id="pcontact-title">{t('person.contact')}</h2>
          {person.phone_work || mobile || person.email_work ? (
            <dl class="facts">
              {person.phone_work && (<><dt>{t('person.phone_work')}</dt><dd><Phone number={person.phone_work} /></dd></>)}
              {mobile && (<><dt>{t('person.phone_mobile')}</dt><dd><Phone number={mobile} /></dd></>)}
              {person.email_work && (<><dt>{t('person.email_work')}</dt><dd><Email address={person.email_work} /></dd></>)}
            </dl>
          ) : <p>{t('person.contact_via_team')}</p>}
          {days.length > 0 && <p><span class="label">{t('person.working_days')}</span> {days.map(dayName).join(', ')}</p>}
          {teamNotes.length > 0 && (
            <div class="team-only" data-testid="team-notes">
              <p class="label">{t('person.team_only')}</p>
              {teamNotes.map((n) => <p key={n}>{n}</p>)}
            </div>
          )}
        </section>
      </div>
      <VcardBlock kind="person" id={person.id} name={person.name} />
      <section aria-labelledby="teams-title">
        <h2 id="teams-title">{t('person.teams')}</h2>
        <ul class="card-list">
          {memberships.map((m) => (
            <li key={m.team.id} class="membership">
              <a href={`/teams/${m.team.id}`}>{m.team.name}</a>
              <span class="muted"> · {tax.type(m.team.team_type)} · {m.team.organisation_name}</span>
              <br /><span class="muted">{[showRole(m.role, '') ? m.role : null, m.is_contact_person ? t('person.contact_person') : null,
                m.since ? t('person.since', { date: formatDate(m.since) }) : null].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <p class="verified">{t('team.verified', { date: formatDate(person.last_verified_at) })}</p>
      <StaleMark item={person} />
      <VerifyButton kind="person" id={person.id} version={'version' in person ? person.version : undefined} />
    </article>
  );
}
