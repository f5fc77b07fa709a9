// The first points of contact of an area with their faces: one team request each (few).
import { api, type ServingTeam, type TeamDetail } from '../api/client';
import { t } from '../i18n/i18n';
import { useFetch } from '../components/use-fetch';
import { TeamCard } from '../components/TeamCard';
import { Avatar } from '../components/Avatar';
import { isNew, NewMark } from '../components/NewMark';
import type { Taxonomy } from '../components/taxonomy';

export function FirstContactFaces({ teams, tax }: { teams: ServingTeam[]; tax: Taxonomy }) {
  const ids = teams.map((x) => x.id).join(',');
  const { data } = useFetch((s) => Promise.all(teams.map((x) => api.team(x.id, s).catch(() => null))), [ids]);
  const details = new Map((data ?? []).filter((d): d is TeamDetail => d !== null).map((d) => [d.id, d]));
  return (
    <ul class="card-list card-list--grid">
      {teams.map((x) => {
        const d = details.get(x.id);
        return (
          <li key={x.id}>
            <TeamCard team={d ?? x} tax={tax}>
              {d && d.members.length > 0 && (
                <ul class="face-row" aria-label={t('area.faces', { name: x.name })}>
                  {d.members.slice(0, 6).map((m) => (
                    <li key={m.person.id}>
                      <a href={`/mensen/${m.person.id}`} class="face-link">
                        <Avatar name={m.person.name} initials={m.person.initials} photo={m.person.photo_url} size="sm" />
                        <span>{m.person.name}<NewMark show={isNew(m.person)} inline /><br /><span class="muted">{m.person.job_title}</span></span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {d && d.members.length > 6 && (
                <p class="hint"><a href={`/teams/${d.id}`}>{t('area.more_people', { n: d.members.length - 6 })}</a></p>
              )}
              {d && d.hidden_member_count > 0 && (
                <p class="hint">{d.members.length ? t('team.hidden_more', { n: d.hidden_member_count }) : t('team.hidden_only', { n: d.hidden_member_count })}</p>
              )}
            </TeamCard>
          </li>
        );
      })}
    </ul>
  );
}
