// /gebieden/:code/print — "Wie is wie in [buurt]" on one A4: every team serving the area
// with its faces, roles and contacts AS THIS VIEWER MAY SEE THEM (the API shapes people per
// audience), and a small outline map. Contact persons first; long teams are cut short so
// the page stays one sheet.
import { api, type AreaDetail, type TeamDetail } from '../api/client';
import { formatDate, t } from '../i18n/i18n';
import { Avatar } from '../components/Avatar';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { CATEGORIES, useTaxonomy } from '../components/taxonomy';
import type { Params } from '../router';
import { AreaOutline } from './AreaOutline';
import './print.css';

const PER_TEAM = 3;

async function load(code: string, signal: AbortSignal) {
  const area = await api.area(code, signal);
  const teams = await Promise.all(area.teams.map((x) => api.team(x.id, signal)));
  return { area, teams };
}

export function AreaPrintPage({ params }: { params: Params }) {
  const code = params.code!;
  const { data, error } = useFetch((s) => load(code, s), [code]);
  useTitle(data ? t('print.title', { name: data.area.name }) : statusTitle(error));
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return <PrintView area={data.area} teams={data.teams} />;
}

function PrintView({ area, teams }: { area: AreaDetail; teams: TeamDetail[] }) {
  const tax = useTaxonomy();
  const byId = new Map(teams.map((x) => [x.id, x]));
  const ordered = CATEGORIES.flatMap((cat) => area.teams.filter((x) => x.category === cat)).map((x) => byId.get(x.id)!).filter(Boolean);
  const anonymous = teams.every((x) => x.members.every((m) => !('phone_mobile' in m.person)));
  return (
    <article class="print-sheet" data-testid="print-sheet">
      <PrintBar area={area} />
      <header class="print-sheet__head">
        <div>
          <h1>{t('print.title', { name: area.name })}</h1>
          {anonymous && <p class="print-sheet__note">{t('print.public_only')}</p>}
        </div>
        <AreaOutline geometry={area.geometry} label={t('print.map_label', { name: area.name })} size={110} />
      </header>
      <ul class="print-teams">
        {ordered.map((team) => (
          <li key={team.id} class="print-team">
            <h2>{team.name}</h2>
            <p class="print-team__meta">{tax.type(team.team_type)}{team.public_phone ? ` · ${team.public_phone}` : ''}</p>
            <ul class="print-people">
              {team.members.slice(0, PER_TEAM).map((m) => {
                const p = m.person;
                const mobile = 'phone_mobile' in p ? p.phone_mobile : null;
                const contact = [mobile, p.phone_work, p.email_work].filter(Boolean).join(' · ');
                return (
                  <li key={p.id}>
                    <Avatar name={p.name} initials={p.initials} photo={p.photo_url} size="sm" />
                    <span><strong>{p.name}</strong> {p.job_title}{contact ? <><br /><span class="print-contact">{contact}</span></> : null}</span>
                  </li>
                );
              })}
            </ul>
            {team.members.length > PER_TEAM && <p class="print-team__more">{t('print.more_people', { n: team.members.length - PER_TEAM })}</p>}
          </li>
        ))}
      </ul>
      <footer class="print-sheet__foot">{t('print.printed', { date: formatDate(new Date().toISOString()), url: `${location.host}/gebieden/${area.code}` })}</footer>
    </article>
  );
}

export function PrintBar({ area }: { area: AreaDetail }) {
  return (
    <p class="print-bar no-print">
      <a href={`/gebieden/${area.code}`}>{t('print.back', { name: area.name })}</a>
      <button type="button" class="button" onClick={() => window.print()}>{t('print.button')}</button>
    </p>
  );
}
