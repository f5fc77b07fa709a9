// /inzicht — insight for the gemeente (issue 17): per buurt of a gemeente or wijk, its CBS
// figures, which help of the basic set reaches it and the weighed gaps, as a choropleth with a
// legend and the same as a table (the accessible version), plus a CSV; and what residents
// looked for without finding it. The server decides who may see it (analist and admins).
import { useEffect, useRef } from 'preact/hooks';
import { api, getJson, type Boundaries, type AreaItems } from '../api/client';
import { getLang, label, t } from '../i18n/i18n';
import { navigate } from '../router';
import { useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { insightApi, seesInsight, type CoverageData, type UsageData } from './api';
import './insight.css';

/** One colour scale (ColorBrewer Oranges, light to dark): no gap, then four equal steps up to the largest gap. */
const SCALE = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'] as const;

export function bucketsFor(max: number): { colour: string; from: number; to: number }[] {
  const step = max > 0 ? max / 4 : 1;
  return SCALE.slice(1).map((colour, i) => ({ colour, from: Math.round(i * step * 10) / 10, to: Math.round((i + 1) * step * 10) / 10 }));
}
const colourOf = (score: number, max: number) => (score <= 0 ? SCALE[0] : SCALE[Math.min(4, Math.max(1, Math.ceil((score / (max || 1)) * 4)))]!);

const number = (v: number | null | undefined) => (v === null || v === undefined ? t('insight.unknown') : v.toLocaleString(getLang() === 'en' ? 'en-GB' : 'nl-NL'));

export function InsightPage({ query }: { query: URLSearchParams }) {
  useTitle(t('insight.title'));
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInFirst />;
  if (!seesInsight(me.role)) return <div class="page"><h1>{t('insight.title')}</h1><p class="notice">{t('insight.only')}</p></div>;
  return <Insight area={query.get('gebied') ?? ''} />;
}

async function areaChoices(signal: AbortSignal) {
  const [gemeenten, wijken] = await Promise.all([
    getJson<AreaItems>('/api/areas?kind=gemeente', signal), getJson<AreaItems>('/api/areas?kind=wijk', signal)]);
  return [...gemeenten.items, ...wijken.items];
}

function Insight({ area }: { area: string }) {
  const choices = useFetch(areaChoices, []);
  const code = area || choices.data?.[0]?.code || '';
  const coverage = useFetch((s) => (code ? insightApi.coverage(code, s) : Promise.resolve(undefined)), [code]);
  const usage = useFetch((s) => (code ? insightApi.usage(code, s) : Promise.resolve(undefined)), [code]);
  const tax = useTaxonomy();
  const choose = (e: Event) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget as HTMLFormElement).get('gebied') ?? '');
    navigate(`/inzicht?gebied=${encodeURIComponent(value)}`);
  };
  return (
    <div class="page insight-page" data-testid="insight-page">
      <h1>{t('insight.title')}</h1>
      <p class="lead-small">{t('insight.intro')}</p>
      <form class="insight-choose" onSubmit={choose} key={code}>
        <div class="field">
          <label for="insight-area">{t('insight.area')}</label>
          <select id="insight-area" name="gebied">
            {(choices.data ?? []).map((a) => <option key={a.code} value={a.code} selected={a.code === code}>{a.kind === 'wijk' ? `— ${a.name}` : a.name}</option>)}
          </select>
        </div>
        <button type="submit" class="button">{t('insight.show')}</button>
      </form>
      {coverage.error ? <ErrorMessage error={coverage.error} /> : !coverage.data || coverage.loading ? <Loading /> : <CoverageView c={coverage.data} tax={tax} />}
      {usage.data && <UsageView u={usage.data} tax={tax} />}
    </div>
  );
}

function CoverageView({ c, tax }: { c: CoverageData; tax: Taxonomy }) {
  const max = Math.max(0, ...c.buurten.map((b) => b.gap_score));
  const typeName = (key: string) => label(c.basic_set.find((b) => b.key === key), tax.type(key));
  return (
    <div class="insight-coverage">
      <p>{t('insight.totals', { with_gaps: c.totals.with_gaps, buurten: c.totals.buurten, gaps: c.totals.gaps })}</p>
      <p class="hint">{t('insight.basic_set', { types: c.basic_set.map((b) => label(b)).join(', ') })}</p>
      <p><a href={insightApi.csvUrl(c.area.code)} download>{t('insight.csv')}</a></p>
      <CoverageMap c={c} max={max} />
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="coverage-caption">
        <table class="insight-table" data-testid="coverage-table">
          <caption id="coverage-caption">{t('insight.table_caption', { name: c.area.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insight.col.buurt')}</th>
              <th scope="col">{t('insight.col.inhabitants')}</th>
              <th scope="col">{t('insight.col.share_65_plus')}</th>
              <th scope="col">{t('insight.col.share_0_15')}</th>
              <th scope="col">{t('insight.col.per_1000')}</th>
              <th scope="col">{t('insight.col.gaps')}</th>
              <th scope="col">{t('insight.col.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {c.buurten.map((b) => (
              <tr key={b.code} data-code={b.code}>
                <th scope="row"><a href={`/gebieden/${b.code}`}>{b.name}</a></th>
                <td>{number(b.figures?.inhabitants)}</td>
                <td>{b.figures?.share_65_plus == null ? t('insight.unknown') : `${b.figures.share_65_plus}%`}</td>
                <td>{b.figures?.share_0_15 == null ? t('insight.unknown') : `${b.figures.share_0_15}%`}</td>
                <td>{number(b.professionals_per_1000)}</td>
                <td class="insight-gaps">{b.gaps.length === 0 ? t('insight.no_gaps') : b.gaps.map((g) => typeName(g.type)).join(', ')}</td>
                <td>
                  <span class="insight-swatch" aria-hidden="true" style={{ background: colourOf(b.gap_score, max) }} />
                  {number(b.gap_score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('insight.source', { source: c.source })}</p>
    </div>
  );
}

function CoverageMap({ c, max }: { c: CoverageData; max: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    let map: { destroy(): void } | null = null;
    (async () => {
      const [{ mountChoropleth }, config] = await Promise.all([import('../map/leaflet-adapter'), api.config()]);
      const bbox = c.area.bbox ? `&bbox=${c.area.bbox.join(',')}` : '';
      const boundaries = await getJson<Boundaries>(`/api/map/boundaries?kind=buurt&band=high${bbox}`);
      if (!live || !el.current) return;
      const byCode = new Map(c.buurten.map((b) => [b.code, b]));
      map = mountChoropleth(el.current, {
        tiles: config.tiles, boundaryAttribution: config.boundary_attribution, boundaries: boundaries as never,
        fill: (code) => {
          const b = byCode.get(code);
          return b ? { colour: colourOf(b.gap_score, max), label: `${t('insight.col.weight')} ${number(b.gap_score)}` } : undefined;
        },
      });
    })().catch(() => { /* the table below carries the same */ });
    return () => { live = false; map?.destroy(); };
  }, [c, max]);
  return (
    <figure class="insight-map">
      <figcaption><strong>{t('insight.map_title')}</strong> <span class="hint">{t('insight.map_hint')}</span></figcaption>
      <div ref={el} class="insight-map__canvas" data-testid="coverage-map" />
      <div class="insight-legend" data-testid="coverage-legend">
        <p class="insight-legend__title">{t('insight.legend')}</p>
        <ul>
          <li><span class="insight-swatch" aria-hidden="true" style={{ background: SCALE[0] }} />{t('insight.legend_none')}</li>
          {max > 0 && bucketsFor(max).map((s) => (
            <li key={s.colour}><span class="insight-swatch" aria-hidden="true" style={{ background: s.colour }} />{t('insight.legend_range', { from: number(s.from), to: number(s.to) })}</li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

function UsageView({ u, tax }: { u: UsageData; tax: Taxonomy }) {
  const week = (w: string) => t('insight.week', { week: new Date(`${w}T12:00:00Z`).toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long' }) });
  const none = <p class="hint">{t('insight.none_yet')}</p>;
  return (
    <section aria-labelledby="usage-title" class="insight-usage">
      <h2 id="usage-title">{t('insight.usage_title')}</h2>
      <p class="hint">{t('insight.usage_intro', { min: u.min_count })}</p>
      <h3>{t('insight.zero_title')}</h3>
      {u.zero_results.length === 0 ? none : <ul>{u.zero_results.map((r) => <li key={`${r.week}${r.term}`}>“{r.term}” · {r.count}× · {week(r.week)}</li>)}</ul>}
      <h3>{t('insight.unmet_title')}</h3>
      {u.unmet_topics.length === 0 ? none : <ul>{u.unmet_topics.map((r) => <li key={`${r.area}${r.topic}`}>{tax.topic(r.topic)} · {r.name} · {r.count}×</li>)}</ul>}
      <h3>{t('insight.terms_title')}</h3>
      {u.terms.length === 0 ? none : <ul>{u.terms.slice(0, 20).map((r) => <li key={`${r.week}${r.term}`}>“{r.term}” · {r.count}× · {week(r.week)}</li>)}</ul>}
      <h3>{t('insight.lookups_title')}</h3>
      {u.lookups.length === 0 ? none : <ul>{u.lookups.slice(0, 30).map((r) => <li key={`${r.week}${r.area}`}>{r.name} · {r.count}× · {week(r.week)}</li>)}</ul>}
    </section>
  );
}
