// The list beside the map: the same teams, the same filters, following the viewport.
import { useEffect, useState } from 'preact/hooks';
import { api, type TeamPage } from '../api/client';
import { t } from '../i18n/i18n';
import { announce } from '../components/announce';
import { TeamCard } from '../components/TeamCard';
import { MatchReasons } from '../service-filters/ServiceFilters';
import type { Taxonomy } from '../components/taxonomy';
import type { BBox } from '../map/leaflet-adapter';

interface Props {
  tax: Taxonomy; types: string[]; topics: string[]; bbox: BBox | null; selected: string | null;
  /** The residents' filters as API parameters, and their identity for effects. */
  service: Record<string, string>; serviceKey: string;
}

const round = (b: BBox) => b.map((x) => x.toFixed(5)).join(',');

export function ResultList({ tax, types, topics, service, serviceKey, bbox, selected }: Props) {
  const [result, setResult] = useState<TeamPage | null>(null);
  const [failed, setFailed] = useState(false);
  const key = `${types.join(',')}|${topics.join(',')}|${serviceKey}|${bbox ? round(bbox) : ''}`;
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api.teams({ ...service, type: types.join(',') || undefined, topic: topics.join(',') || undefined, bbox: bbox ? round(bbox) : undefined, per_page: 100 }, ctrl.signal)
        .then((r) => { setResult(r); setFailed(false); announce(t('list.count', { n: r.total })); })
        .catch((e: Error) => { if (e.name !== 'AbortError') setFailed(true); });
    }, 200);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [key]);

  return (
    <section class="result-list" aria-labelledby="results-title" data-testid="result-list">
      <h2 id="results-title" class="result-list__title">
        {result ? t('list.count', { n: result.total }) : t('list.title')}
      </h2>
      <p class="hint">{bbox ? t('list.follows_map') : t('list.all')}</p>
      {failed && <p class="notice notice--error" role="alert">{t('status.error')}</p>}
      {result && result.items.length === 0 && <p>{t('list.empty')}</p>}
      {result && (
        <ul class="card-list">
          {result.items.map((team) => (
            <li key={team.id}><TeamCard team={team} tax={tax} selected={team.id === selected}><MatchReasons matches={team.matches} /></TeamCard></li>
          ))}
        </ul>
      )}
      {result && result.total > result.items.length && <p class="hint">{t('list.more', { n: result.total - result.items.length })}</p>}
    </section>
  );
}
