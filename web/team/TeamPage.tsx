// /teams/:id — what the team does, for whom, how to get in, contact, where, which
// buurten, and the people (faces) as the API shows them to this audience.
import { useState } from 'preact/hooks';
import { api, type TeamDetail } from '../api/client';
import { formatDate, t } from '../i18n/i18n';
import { accessText, Email, Phone } from '../components/contact';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { TypeBadge } from '../components/TypeBadge';
import type { Params } from '../router';
import { Members } from './Members';
import { LocationMap } from './LocationMap';
import { VcardBlock } from '../exchange/VcardBlock';
import { TeamEditLink } from '../edit/EditLink';
import { RequestedMembers } from '../edit/RequestedMembers';
import { StaleMark } from '../review/StaleMark';
import { VerifyButton } from '../review/VerifyButton';
import { HistorySection } from '../history/HistorySection';
import { PathwayLinks } from '../pathways/PathwayLinks';

export function TeamPage({ params }: { params: Params }) {
  const id = params.id!;
  const [round, setRound] = useState(0);
  const { data, error } = useFetch((s) => api.team(id, s), [id, round]);
  const tax = useTaxonomy();
  useTitle(data?.name ?? statusTitle(error));
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return <TeamView team={data} tax={tax} onChanged={() => setRound((r) => r + 1)} />;
}

function TeamView({ team, tax, onChanged }: { team: TeamDetail; tax: Taxonomy; onChanged: () => void }) {
  const buurten = team.service_areas.filter((a) => a.kind === 'buurt');
  const wider = team.service_areas.filter((a) => a.kind !== 'buurt');
  return (
    <article class="page team-page" data-testid="team-page">
      <p class="eyebrow"><TypeBadge type={team.team_type} category={tax.category(team.team_type)} /> {tax.type(team.team_type)}</p>
      <h1>{team.name}</h1>
      <TeamEditLink team={team} />
      <p class="muted">{t('team.part_of')} {team.organisation.website
        ? <a href={team.organisation.website} rel="noopener">{team.organisation.name}</a> : team.organisation.name}</p>
      {team.description && <p class="lead">{team.description}</p>}

      <div class="two-col">
        <section class="panel contact-panel" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('team.contact')}</h2>
          <dl class="facts">
            <dt>{t('team.access')}</dt><dd data-testid="access">{accessText(team.access)}</dd>
            {team.public_phone && (<><dt>{t('team.phone')}</dt><dd><Phone number={team.public_phone} /></dd></>)}
            {team.public_email && (<><dt>{t('team.email')}</dt><dd><Email address={team.public_email} /></dd></>)}
            {team.walk_in_hours && (<><dt>{t('team.walk_in')}</dt><dd>{team.walk_in_hours}</dd></>)}
            {team.website && (<><dt>{t('team.website')}</dt><dd><a href={team.website} rel="noopener">{team.website.replace(/^https?:\/\//, '')}</a></dd></>)}
          </dl>
        </section>
        <section class="panel" aria-labelledby="for-title">
          <h2 id="for-title">{t('team.for_whom')}</h2>
          {team.target_groups.length
            ? <ul class="tag-list">{team.target_groups.map((g) => <li key={g}>{g}</li>)}</ul>
            : <p>{t('team.for_everyone')}</p>}
          {team.topics.length > 0 && (<>
            <h3>{t('team.topics')}</h3>
            <ul class="tag-list">{team.topics.map((k) => <li key={k}><a href={`/hulp/${k}`}>{tax.topic(k)}</a></li>)}</ul>
          </>)}
        </section>
      </div>

      <Members team={team} />
      <RequestedMembers requested={team.requested} onDone={onChanged} />
      <VcardBlock kind="team" id={team.id} name={team.name} />

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('team.where')}</h2>
        <ul class="address-list">
          {team.locations.map((l) => (
            <li key={l.id}>
              {l.name && <strong>{l.name}<br /></strong>}
              {l.street} {l.house_number}<br />{l.postcode} {l.city}
              {l.opening_hours && <><br /><span class="muted">{t('team.opening_hours')}: {l.opening_hours}</span></>}
            </li>
          ))}
        </ul>
        {team.locations.length > 0 && <LocationMap team={team} tax={tax} />}
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t('team.serves')}</h2>
        {wider.length > 0 && <p>{wider.map((a) => a.name).join(', ')}</p>}
        {buurten.length > 0
          ? <ul class="tag-list">{buurten.map((a) => <li key={a.code}><a href={`/gebieden/${a.code}`}>{a.name}</a></li>)}</ul>
          : <p class="muted">{t('team.serves_none')}</p>}
      </section>

      <PathwayLinks team={team.id} />

      <p class="verified">{t('team.verified', { date: formatDate(team.last_verified_at) })}</p>
      <StaleMark item={team} />
      <VerifyButton kind="team" id={team.id} version={team.version} may={team.may} />
      <HistorySection collection="teams" id={team.id} />
    </article>
  );
}
