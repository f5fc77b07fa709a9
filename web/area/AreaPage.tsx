// /gebieden/:code — "Wie werkt er in [buurt]?": every team serving it, grouped by
// category; faces for the first points of contact.
import { api, type AreaDetail } from '../api/client';
import { t } from '../i18n/i18n';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { CATEGORIES, useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { TeamCard } from '../components/TeamCard';
import type { Params } from '../router';
import { FirstContactFaces } from './FirstContactFaces';
import { AreaFigures } from '../insight/AreaFigures';

export function AreaPage({ params }: { params: Params }) {
  const code = params.code!;
  const { data, error } = useFetch((s) => api.area(code, s), [code]);
  const tax = useTaxonomy();
  useTitle(data ? t('area.who_works', { name: data.name }) : statusTitle(error));
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return <AreaView area={data} tax={tax} />;
}

function AreaView({ area, tax }: { area: AreaDetail; tax: Taxonomy }) {
  return (
    <article class="page area-page" data-testid="area-page">
      {area.parent && (
        <p class="breadcrumb"><a href={`/gebieden/${area.parent.code}`}>{area.parent.name}</a> › {area.name}</p>
      )}
      <h1>{t('area.who_works', { name: area.name })}</h1>
      <p class="lead">{t(`area.intro_${area.kind}`, { name: area.name, n: area.teams.length })}</p>
      <AreaFigures figures={area.figures} />
      <p><a href={area.kind === 'buurt' ? `/kaart?buurt=${area.code}` : '/kaart'}>{t('area.on_map')}</a></p>
      {area.teams.length === 0 && <p>{t('area.no_teams')}</p>}
      {CATEGORIES.map((cat) => {
        const teams = area.teams.filter((x) => x.category === cat);
        if (!teams.length) return null;
        return (
          <section key={cat} aria-labelledby={`cat-${cat}`} class="category-group">
            <h2 id={`cat-${cat}`}>{t(`category.${cat}`)} <span class="count">({teams.length})</span></h2>
            <p class="hint">{t(`category.${cat}_hint`)}</p>
            {cat === 'first_contact' ? <FirstContactFaces teams={teams} tax={tax} /> : (
              <ul class="card-list card-list--grid">
                {teams.map((x) => <li key={x.id}><TeamCard team={x} tax={tax} /></li>)}
              </ul>
            )}
          </section>
        );
      })}
      <section aria-labelledby="print-title" class="no-print">
        <h2 id="print-title">{t('print.links_title')}</h2>
        <ul class="tag-list">
          <li><a href={`/gebieden/${area.code}/print`}>{t('print.link_print')}</a></li>
          <li><a href={`/gebieden/${area.code}/poster`}>{t('print.link_poster')}</a></li>
          <li><a href={`/api/areas/${area.code}/vcard`} download>{t('vcard.download_area', { name: area.name })}</a></li>
        </ul>
      </section>
      {area.children.length > 0 && (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('area.children')}</h2>
          <ul class="tag-list">{area.children.map((c) => <li key={c.code}><a href={`/gebieden/${c.code}`}>{c.name}</a></li>)}</ul>
        </section>
      )}
    </article>
  );
}
