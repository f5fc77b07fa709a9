// What the map selection opened: one team (from a marker) or one buurt (who serves it).
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client';
import { announce } from '../components/announce';
import { t } from '../i18n/i18n';
import { useFetch } from '../components/use-fetch';
import { TeamCard } from '../components/TeamCard';
import type { Taxonomy } from '../components/taxonomy';
import { Loading } from '../components/Status';

interface Props { team: string | null; buurt: string | null; tax: Taxonomy; onClose: () => void }

export function SelectionPanel({ team, buurt, tax, onClose }: Props) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => { ref.current?.scrollIntoView?.({ block: 'nearest' }); }, [team, buurt]);
  if (!team && !buurt) return null;
  return (
    <section ref={ref} class="selection" aria-labelledby="selection-title" data-testid="selection">
      <div class="selection__bar">
        <h2 id="selection-title" class="selection__title">{team ? t('selection.team') : t('selection.area')}</h2>
        <button type="button" class="button-secondary" onClick={onClose}>{t('selection.close')}</button>
      </div>
      {team ? <SelectedTeam id={team} tax={tax} /> : <SelectedArea code={buurt!} tax={tax} />}
    </section>
  );
}

function SelectedTeam({ id, tax }: { id: string; tax: Taxonomy }) {
  const { data, error } = useFetch((s) => api.team(id, s), [id]);
  useEffect(() => { if (data) announce(t('selection.announce', { name: data.name })); }, [data]);
  if (error) return <p class="notice">{t('status.error')}</p>;
  if (!data) return <Loading />;
  return (
    <TeamCard team={data} tax={tax} selected>
      <p class="team-card__more"><a href={`/teams/${data.id}`}>{t('selection.open_team', { name: data.name })}</a></p>
    </TeamCard>
  );
}

function SelectedArea({ code, tax }: { code: string; tax: Taxonomy }) {
  const { data, error } = useFetch((s) => api.area(code, s), [code]);
  useEffect(() => { if (data) announce(t('area.who_works', { name: data.name })); }, [data]);
  if (error) return <p class="notice">{t('status.error')}</p>;
  if (!data) return <Loading />;
  const first = data.teams.filter((x) => x.category === 'first_contact');
  return (
    <div class="selected-area">
      <p class="selected-area__name">{t('area.who_works', { name: data.name })}</p>
      <p>{t('selection.area_count', { n: data.teams.length })}</p>
      {first.length > 0 && (
        <ul class="plain-list">
          {first.map((x) => <li key={x.id}><a href={`/teams/${x.id}`}>{x.name}</a> <span class="muted">({tax.type(x.team_type)})</span></li>)}
        </ul>
      )}
      <p><a class="button" href={`/gebieden/${data.code}`}>{t('selection.open_area', { name: data.name })}</a></p>
    </div>
  );
}
