// Pathways named elsewhere: on a team page the pathways in which its kind of team is a step,
// on a topic page the resident pathways about that topic (in B1, from the server).
import { t } from '../i18n/i18n';
import { useFetch } from '../components/use-fetch';
import { pathwayList } from './api';

export function PathwayLinks({ team, topic }: { team?: string; topic?: string }) {
  const { data } = useFetch((s) => pathwayList({ team, topic }, s), [team, topic]);
  if (!data || data.items.length === 0) return null;
  const id = team ? 'team-pathways-title' : 'topic-pathways-title';
  return (
    <section aria-labelledby={id} class="pathway-links" data-testid="pathway-links">
      <h2 id={id}>{t(team ? 'pathways.team_title' : 'pathways.topic_title')}</h2>
      {team && <p class="hint">{t('pathways.team_hint')}</p>}
      <ul>
        {data.items.map((p) => (
          <li key={p.key}>
            <a href={`/verwijzen/${p.key}`}>{p.title}</a>
            {topic && <><br /><span>{p.situation}</span></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
