// /gebieden/:code/poster — a waiting-room poster in plain Dutch (B1): the teams serving the
// area with their PUBLIC contact only. It reads the public team list (/api/teams?area=),
// which carries no people at all, so even a signed-in viewer prints nothing personal.
import { api, type AreaDetail, type TeamSummary } from '../api/client';
import { t } from '../i18n/i18n';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy } from '../components/taxonomy';
import type { Params } from '../router';
import { accessText } from '../components/contact';
import { PrintBar } from './AreaPrintPage';
import './print.css';

async function load(code: string, signal: AbortSignal) {
  const [area, list] = await Promise.all([api.area(code, signal), api.teams({ area: code, per_page: 100 }, signal)]);
  return { area, teams: list.items };
}

export function PosterPage({ params }: { params: Params }) {
  const code = params.code!;
  const { data, error } = useFetch((s) => load(code, s), [code]);
  useTitle(data ? t('poster.title', { name: data.area.name }) : statusTitle(error));
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return <PosterView area={data.area} teams={data.teams} />;
}

function PosterView({ area, teams }: { area: AreaDetail; teams: TeamSummary[] }) {
  const tax = useTaxonomy();
  const category = new Map(area.teams.map((x) => [x.id, x.category]));
  const first = teams.filter((x) => category.get(x.id) === 'first_contact');
  const rest = teams.filter((x) => category.get(x.id) !== 'first_contact');
  const row = (x: TeamSummary) => (
    <li key={x.id} class="poster-team">
      <strong>{x.name}</strong> <span class="poster-team__type">{tax.type(x.team_type)}</span>
      <br />{x.public_phone && <>{t('poster.call')} <span class="poster-team__phone">{x.public_phone}</span>. </>}
      {x.walk_in_hours ? <>{t('poster.walk_in')}: {x.walk_in_hours}. </> : accessText(x.access)}
    </li>
  );
  return (
    <article class="poster-sheet" data-testid="poster-sheet">
      <PrintBar area={area} />
      <h1>{t('poster.title', { name: area.name })}</h1>
      <p class="poster-lead">{t('poster.lead')}</p>
      {first.length > 0 && (
        <section class="poster-first" aria-labelledby="poster-first">
          <h2 id="poster-first">{t('poster.start_here')}</h2>
          <p>{t('poster.start_here_hint')}</p>
          <ul>{first.map(row)}</ul>
        </section>
      )}
      <section aria-labelledby="poster-more">
        <h2 id="poster-more">{t('poster.more_help')}</h2>
        <ul class="poster-list">{rest.map(row)}</ul>
      </section>
      <p class="poster-emergency"><strong>{t('poster.emergency')}</strong></p>
      <p class="poster-foot">{t('poster.find_more', { url: `${location.host}/gebieden/${area.code}` })}</p>
    </article>
  );
}
