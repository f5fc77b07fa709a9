// /hulp/:topic — teams that help with one topic, in plain words: first where you can go
// yourself, then help you need a referral or decision for. A topic that signals danger
// (the server says which) opens with its crisis lines.
import { api, type TeamSummary } from '../api/client';
import { t } from '../i18n/i18n';
import { CrisisBlock } from '../components/CrisisBlock';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { CATEGORIES, useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { TeamCard } from '../components/TeamCard';
import type { Params } from '../router';
import { tileKey } from '../start/tiles';
import { PathwayLinks } from '../pathways/PathwayLinks';

const DIRECT = new Set(['walk_in', 'self_referral']);

function rank(team: TeamSummary, tax: Taxonomy): number {
  return CATEGORIES.indexOf(tax.category(team.team_type)) * 2 + (team.public_phone ? 0 : 1);
}

export function TopicPage({ params }: { params: Params }) {
  const topic = params.topic!;
  const tax = useTaxonomy();
  const known = tax.topics.find((x) => x.key === topic);
  const tile = tileKey(topic);
  const title = tile ? t(`tiles.${tile}`) : known ? tax.topic(topic) : t('topic.title_fallback');
  useTitle(title);
  const isCrisis = topic === 'crisis';
  const { data, error } = useFetch((s) => (isCrisis ? Promise.resolve(null) : api.teams({ topic, per_page: 100 }, s)), [topic]);
  const teams = [...(data?.items ?? [])].sort((a, b) => rank(a, tax) - rank(b, tax));
  const direct = teams.filter((x) => DIRECT.has(x.access));
  const referral = teams.filter((x) => !DIRECT.has(x.access));
  return (
    <div class="page topic-page">
      <p class="breadcrumb"><a href="/">{t('topic.back')}</a></p>
      <h1>{title}</h1>
      {known?.crisis && <CrisisBlock crisis={known.crisis} />}
      {known && tile && <p class="muted">{tax.topic(topic)}</p>}
      {isCrisis ? <p class="lead">{t('topic.crisis_text')}</p> : <p class="lead">{t('topic.intro')}</p>}
      {error ? <ErrorMessage error={error} /> : !isCrisis && !data ? <Loading /> : null}
      {!isCrisis && <PathwayLinks topic={topic} />}
      {data && teams.length === 0 && <p>{t('topic.none')}</p>}
      {direct.length > 0 && <Group id="direct" title={t('topic.direct')} hint={t('topic.direct_hint')} teams={direct} tax={tax} />}
      {referral.length > 0 && <Group id="referral" title={t('topic.referral')} hint={t('topic.referral_hint')} teams={referral} tax={tax} />}
    </div>
  );
}

function Group({ id, title, hint, teams, tax }: { id: string; title: string; hint: string; teams: TeamSummary[]; tax: Taxonomy }) {
  return (
    <section aria-labelledby={`g-${id}`}>
      <h2 id={`g-${id}`}>{title}</h2>
      <p class="hint">{hint}</p>
      <ul class="card-list card-list--grid">
        {teams.map((x) => <li key={x.id}><TeamCard team={x} tax={tax} /></li>)}
      </ul>
    </section>
  );
}
