// The answer to "who works at this address": the address as resolved, its buurt/wijk (an
// approximation says so once, in the reader's language), the first points of contact with
// their contact persons as faces, the other teams folded under one disclosure, and the
// nearest huisartsen and schools. "Afdrukken" prints a compact sheet (lookup.css): the first
// points of contact and every named person with a direct line, at most two A4 pages; the
// vCard link holds just the first points of contact, shaped by the server for the caller.
import { useEffect, useRef } from 'preact/hooks';
import { getLang, t } from '../i18n/i18n';
import { ApiError, withQuery } from '../api/client';
import { useSession } from '../auth/session';
import { announce } from '../components/announce';
import { Avatar } from '../components/Avatar';
import { Email, Phone } from '../components/contact';
import { ErrorMessage, Loading } from '../components/Status';
import { PersonCard, showRole } from '../components/PersonCard';
import { TeamCard } from '../components/TeamCard';
import { CATEGORIES, useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { lookupApi, type LookupResult, type LookupTeam } from '../search/api';
import './lookup.css';
import { isNew, NewMark } from '../components/NewMark';
import { PathwaysAtAddress } from '../pathways/PathwaysAtAddress';

type Params = { postcode?: string; number?: string; address?: string };
type Contact = LookupTeam['contacts'][number];
type Nearest = LookupResult['nearest'][number];

// Focus moves to the answer only when the person just asked (not on a reload).
let focusNext = false;
export function requestFocusOnAnswer(): void { focusNext = true; }

/** "op 280 m" / "op 1,4 km": rounded, in the current language. */
function distanceText(m: number): string {
  if (m < 1000) return t('lookup.distance_m', { d: Math.max(10, Math.round(m / 10) * 10) });
  return t('lookup.distance_km', { d: (m / 1000).toLocaleString(getLang() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }) });
}

export function LookupAnswer({ params }: { params: Params }) {
  const key = JSON.stringify(params);
  const { data, error } = useFetch((s) => lookupApi(params, s), [key]);
  const tax = useTaxonomy();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && focusNext) { focusNext = false; notice.current?.focus(); }
  }, [error]);
  if (error instanceof ApiError && [400, 404, 503].includes(error.status)) {
    const text = error.status === 503 ? t('lookup.geocoder_unavailable') : error.status === 404 ? t('lookup.not_found') : t('lookup.bad_input');
    return (
      <div ref={notice} tabIndex={-1} class={error.status === 503 ? 'notice lookup-notice' : 'notice notice--error lookup-notice'} role="alert" data-testid="lookup-error">
        <p>{text}</p>
      </div>
    );
  }
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return <Answer result={data} params={params} tax={tax} />;
}

function Answer({ result, params, tax }: { result: LookupResult; params: Params; tax: Taxonomy }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { me } = useSession();
  const where = result.address ?? params.address ?? params.postcode ?? '';
  useEffect(() => {
    announce(t('lookup.announce', { n: result.teams.length, address: where }));
    if (focusNext) {
      focusNext = false;
      heading.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [result]);
  const { buurt, wijk, gemeente } = result.area;
  const hidden = result.teams.reduce((n, team) => n + team.hidden_contacts, 0);
  const hasFirst = result.teams.some((team) => team.category === 'first_contact');
  const here = `${location.pathname}${location.search}`;
  return (
    <section class="lookup-answer" aria-labelledby="lookup-answer-title" data-testid="lookup-answer">
      <h2 id="lookup-answer-title" tabIndex={-1} ref={heading}>
        {result.address ? t('lookup.result_title', { address: result.address }) : t('lookup.result_title_area', { postcode: where })}
      </h2>
      {result.approximate && <Approximation result={result} postcode={params.postcode} />}
      {result.message && <p class="notice">{result.message}</p>}
      {(buurt || wijk || gemeente) && (
        <dl class="facts lookup-area" data-testid="lookup-area">
          {buurt && <><dt>{t('lookup.buurt')}</dt><dd><a href={`/gebieden/${buurt.code}`}>{buurt.name}</a></dd></>}
          {wijk && <><dt>{t('lookup.wijk')}</dt><dd><a href={`/gebieden/${wijk.code}`}>{wijk.name}</a></dd></>}
          {gemeente && <><dt>{t('lookup.gemeente')}</dt><dd><a href={`/gebieden/${gemeente.code}`}>{gemeente.name}</a></dd></>}
        </dl>
      )}
      {result.candidates.length > 1 && (
        <p>{t('lookup.candidates')} {result.candidates.map((c, i) => <span key={c.code}>{i > 0 && ', '}<a href={`/gebieden/${c.code}`}>{c.name}</a></span>)}</p>
      )}
      {(buurt || hasFirst) && (
        <div class="lookup-actions no-print">
          {hasFirst && <button type="button" class="button" onClick={() => window.print()} data-testid="lookup-print">{t('lookup.print')}</button>}
          {hasFirst && <a class="button-secondary" href={withQuery('/api/lookup/vcard', apiQuery(params))} download data-testid="lookup-vcard">{t('lookup.vcard')}</a>}
          {buurt && <a class="button-secondary" href={`/kaart?buurt=${encodeURIComponent(buurt.code)}`} data-testid="lookup-map-link">{t('lookup.on_map')}</a>}
          {buurt && <a href={`/gebieden/${buurt.code}`}>{t('lookup.area_page', { name: buurt.name })}</a>}
        </div>
      )}
      {hidden > 0 && (
        <p class="notice lookup-hidden" data-testid="lookup-hidden">
          {t('lookup.hidden_total', { n: hidden })}{' '}
          {!me && <a class="no-print" href={`/inloggen?next=${encodeURIComponent(here)}`}>{t('lookup.hidden_signin')}</a>}
        </p>
      )}
      {(buurt || result.candidates.length > 0) && <PathwaysAtAddress params={apiQuery(params)} tax={tax} />}
      <Teams teams={result.teams} tax={tax} hasArea={Boolean(buurt || wijk || gemeente)} />
      {result.nearest.length > 0 && <NearestList nearest={result.nearest} tax={tax} />}
      <p class="print-only lookup-print-foot">
        {t(me ? 'lookup.print_foot_pro' : 'lookup.print_foot', { date: new Date().toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'nl-NL') })}
      </p>
    </section>
  );
}

/** The query of /api/lookup for the form's parameters (the page says "nummer", the API "number"). */
function apiQuery(params: Params): Record<string, string> {
  if (params.address) return { address: params.address };
  return { postcode: params.postcode ?? '', number: params.number ?? '' };
}

/** One line: that this is a guess, why, and which area it is, in the reader's language. */
function Approximation({ result, postcode }: { result: LookupResult; postcode?: string }) {
  const why = result.approximation_reason === 'geocoder_offline' ? t('lookup.approx_offline') : t('lookup.approx_not_found');
  const pc4 = postcode?.slice(0, 4);
  const n = result.candidates.length;
  return (
    <p class="lookup-approx" data-testid="approximate">
      <span class="pill pill--approx">{t('lookup.approximate')}</span>{' '}
      {why}{pc4 ? ` ${t('lookup.approx_area', { pc4, n: n > 1 ? n : 1 })}` : ` ${t('lookup.approximate_text')}`}
    </p>
  );
}

const inCategory = (team: LookupTeam, cat: string) =>
  (CATEGORIES as readonly string[]).includes(team.category) ? team.category === cat : cat === 'other';

function Teams({ teams, tax, hasArea }: { teams: LookupTeam[]; tax: Taxonomy; hasArea: boolean }) {
  if (teams.length === 0) return hasArea ? <p>{t('lookup.no_teams')}</p> : null;
  const first = teams.filter((team) => team.category === 'first_contact');
  const others = teams.filter((team) => team.category !== 'first_contact');
  return (
    <section aria-labelledby="lookup-teams-title" data-testid="lookup-teams">
      <h2 id="lookup-teams-title" class={first.length ? 'sr-only' : undefined}>{t('lookup.teams_title')}</h2>
      {first.length > 0 && (
        <section aria-labelledby="lookup-cat-first_contact" class="category-group lookup-first" data-category="first_contact">
          <h3 id="lookup-cat-first_contact">{t('lookup.first_title')} <span class="count">({first.length})</span></h3>
          <p class="hint">{t('category.first_contact_hint')}</p>
          <ul class="card-list card-list--grid">
            {first.map((team) => (
              <li key={team.id}>
                <TeamCard team={team} tax={tax} headingLevel={4}><Contacts team={team} large /></TeamCard>
              </li>
            ))}
          </ul>
        </section>
      )}
      {others.length > 0 && (
        <details class="lookup-others no-print" open={first.length === 0} data-testid="lookup-others">
          <summary>{t('lookup.others_summary', { count: others.length })}</summary>
          {CATEGORIES.filter((cat) => cat !== 'first_contact').map((cat) => {
            const group = others.filter((team) => inCategory(team, cat));
            if (!group.length) return null;
            return (
              <section key={cat} aria-labelledby={`lookup-cat-${cat}`} class="category-group" data-category={cat}>
                <h3 id={`lookup-cat-${cat}`}>{t(`category.${cat}`)} <span class="count">({group.length})</span></h3>
                <p class="hint">{t(`category.${cat}_hint`)}</p>
                <ul class="card-list card-list--grid">
                  {group.map((team) => (
                    <li key={team.id}>
                      <TeamCard team={team} tax={tax} headingLevel={4}><Contacts team={team} large={false} /></TeamCard>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </details>
      )}
      {others.length > 0 && <PrintOthers teams={others} tax={tax} />}
    </section>
  );
}

/** On paper only: each other team on one line with its phone, then its named people with a direct line. */
function PrintOthers({ teams, tax }: { teams: LookupTeam[]; tax: Taxonomy }) {
  return (
    <div class="print-only lookup-print-others" data-testid="lookup-print-others">
      <h3>{t('lookup.print_others')}</h3>
      <ul>
        {teams.map((team) => (
          <li key={team.id}>
            <strong>{team.name}</strong> <span class="muted">{tax.type(team.team_type)}</span>
            {team.public_phone && <> · {team.public_phone}</>}
            {team.contacts.map(({ person }) => {
              const direct = [person.phone_work, 'phone_mobile' in person ? person.phone_mobile : null].filter(Boolean).join(' / ');
              return direct ? <span key={person.id}> · {person.name} {direct}</span> : null;
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Contacts({ team, large }: { team: LookupTeam; large: boolean }) {
  if (team.contacts.length === 0) return null;
  return (
    <ul class={large ? 'face-grid lookup-contacts' : 'face-row lookup-contacts'} aria-label={t('lookup.contacts', { name: team.name })} data-testid="lookup-contacts">
      {team.contacts.map((c) => <li key={c.person.id}>{large ? <PersonCard person={c.person} role={c.role} /> : <ContactLine contact={c} />}</li>)}
    </ul>
  );
}

/** A small face with name, role and whatever contact fields the API sent. */
function ContactLine({ contact: { person, role } }: { contact: Contact }) {
  const mobile = 'phone_mobile' in person ? person.phone_mobile : null;
  return (
    <div class="contact-line">
      <Avatar name={person.name} initials={person.initials} photo={person.photo_url} size="sm" />
      <div>
        <a href={`/mensen/${person.id}`}>{person.name}</a><NewMark show={isNew(person)} inline />
        <span class="muted"> · {showRole(role, person.job_title) ? `${role} · ${person.job_title}` : person.job_title}</span>
        {(person.phone_work || mobile || person.email_work) && (
          <span class="contact-line__fields">
            {person.phone_work && <Phone number={person.phone_work} label={t('person.phone_work')} />}
            {mobile && <Phone number={mobile} label={t('person.phone_mobile')} />}
            {person.email_work && <Email address={person.email_work} />}
          </span>
        )}
      </div>
    </div>
  );
}

function NearestList({ nearest, tax }: { nearest: Nearest[]; tax: Taxonomy }) {
  const byType = new Map<string, Nearest[]>();
  for (const n of nearest) byType.set(n.team.team_type, [...(byType.get(n.team.team_type) ?? []), n]);
  return (
    <section aria-labelledby="lookup-nearest-title" class="lookup-nearest" data-testid="lookup-nearest">
      <h2 id="lookup-nearest-title">{t('lookup.nearest_title')}</h2>
      <p class="hint">{t('lookup.nearest_hint')}</p>
      {[...byType].map(([type, items]) => (
        <section key={type} aria-labelledby={`lookup-near-${type}`}>
          <h3 id={`lookup-near-${type}`}>{tax.type(type)}</h3>
          <ul class="nearest-list">
            {items.map((n) => (
              <li key={`${n.team.id}:${n.location.id}`}>
                <a href={`/teams/${n.team.id}`}>{n.team.name}</a>{' '}
                <span class="nearest-list__distance">{distanceText(n.distance_m)}</span>
                <br /><span class="muted">{n.location.address}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
