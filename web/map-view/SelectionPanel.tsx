// What the map selection opened: one team (from a marker) or one buurt (who serves it).
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client';
import { announce } from '../components/announce';
import { t } from '../i18n/i18n';
import { useFetch } from '../components/use-fetch';
import { TeamCard } from '../components/TeamCard';
import { FaceList } from '../components/FaceList';
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
      <FaceList members={data.members} hidden={data.hidden_member_count} />
      <p class="team-card__more"><a href={`/teams/${data.id}`}>{t('selection.open_team', { name: data.name })}</a></p>
    </TeamCard>
  );
}

function SelectedArea({ code, tax }: { code: string; tax: Taxonomy }) {
  const { data, error } = useFetch((s) => api.areaPeople(code, s), [code]);
  useEffect(() => { if (data) announce(t('area.who_works', { name: data.area.name })); }, [data]);
  if (error) return <p class="notice">{t('status.error')}</p>;
  if (!data) return <Loading />;
  return (
    <div class="selected-area" data-testid="selected-area">
      <p class="selected-area__name">{t('area.who_works', { name: data.area.name })}</p>
      <p>{t('selection.area_count', { n: data.teams.length })}</p>
      {data.teams.map(({ team, members, hidden_member_count }) => (
        <section key={team.id} class="selected-area__team" aria-label={team.name}>
          <h3 class="selected-area__team-name"><a href={`/teams/${team.id}`}>{team.name}</a> <span class="muted">({tax.type(team.team_type)})</span></h3>
          <FaceList members={members} hidden={hidden_member_count} />
        </section>
      ))}
      <p><a class="button" href={`/gebieden/${data.area.code}`}>{t('selection.open_area', { name: data.area.name })}</a></p>
    </div>
  );
}
