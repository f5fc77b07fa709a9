// /kennismaken — "Kennismaken met [wijk]": one line of progress ("U kent 3 van de 41
// collega's"), then at once the teams that matter most for the caller's own team type, with
// faces and a private "Ontmoet" mark; the rest of the wijk one click further; the next
// introductions, links and progress per team type below. Works on a phone: one column.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { getLang, t } from '../i18n/i18n';
import { announce } from '../components/announce';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useTaxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { Avatar } from '../components/Avatar';
import { navigate } from '../router';
import { onboardingApi, type PackData, type PackMember } from './api';
import { AreaChooser } from './AreaChooser';
import { DigestToggle } from './DigestToggle';
import { PackTeamSection } from './PackTeamSection';
import { NewMark } from '../components/NewMark';
import './onboarding.css';

export function SignInFirst() {
  return <div class="notice" role="status"><p>{t('onb.sign_in')}</p></div>;
}

export function KennismakenPage({ query }: { query: URLSearchParams }) {
  const area = query.get('area');
  const [version, setVersion] = useState(0);
  const { data, error } = useFetch((s) => onboardingApi.pack(area, s), [area, version]);
  useTitle(data?.area ? t('onb.title', { name: data.area.name }) : data ? t('onb.title_plain') : statusTitle(error));
  if (error instanceof ApiError && error.status === 401) return <div class="page"><h1>{t('onb.title_plain')}</h1><SignInFirst /></div>;
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  return <PackView pack={data} reload={() => setVersion((v) => v + 1)} />;
}

function PackView({ pack, reload }: { pack: PackData; reload: () => void }) {
  const tax = useTaxonomy();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [choosing, setChoosing] = useState(false);
  const chosen = () => { setChoosing(false); navigate('/kennismaken'); reload(); };
  if (!pack.area || choosing) {
    return (
      <article class="page kennismaken">
        <h1>{t('onb.choose_title')}</h1>
        <p class="lead">{t('onb.choose_intro')}</p>
        <AreaChooser current={pack.area?.code} onChosen={chosen} />
      </article>
    );
  }
  const toggle = async (m: PackMember) => {
    setBusy((b) => new Set([...b, m.person.id]));
    try {
      await onboardingApi.setMet(m.person.id, !m.met);
      announce(t(m.met ? 'onb.unmarked' : 'onb.marked', { name: m.person.name }));
      reload();
    } catch { announce(t('onb.save_error')); }
    setBusy((b) => new Set([...b].filter((id) => id !== m.person.id)));
  };
  const lang = getLang();
  const first = pack.teams.filter((team) => team.priority);
  const more = pack.teams.filter((team) => !team.priority);
  const section = (team: PackData['teams'][number]) => <PackTeamSection key={team.id} team={team} tax={tax} busy={busy} onToggle={toggle} />;
  return (
    <article class="page kennismaken" data-testid="kennismaken">
      <h1>{t('onb.title', { name: pack.area.name })}</h1>
      <KnownLine pack={pack} />

      <section aria-labelledby="onb-first" data-testid="meet-first">
        <h2 id="onb-first">{t('onb.first_title')}</h2>
        <p class="hint">{t('onb.first_hint')}</p>
        {first.length === 0 ? <p>{t('onb.first_none')}</p> : first.map(section)}
      </section>

      {more.length > 0 && (
        <section aria-labelledby="onb-more">
          <h2 id="onb-more">{t('onb.more_title')}</h2>
          {/* The rest of the wijk, one click away: a new colleague starts with the teams above. */}
          <details class="kennismaken__more">
            <summary>{t('onb.more_show')} <span class="hint">({t('onb.more_hint', { n: more.length, name: pack.area.name })})</span></summary>
            {more.map(section)}
          </details>
        </section>
      )}

      <section aria-labelledby="onb-next">
        <h2 id="onb-next">{t('onb.suggestions_title')}</h2>
        {pack.suggestions.length === 0 ? <p>{t('onb.suggestions_none')}</p> : (
          <ul class="card-list suggestions">
            {pack.suggestions.map((s) => (
              <li key={s.person.id} class="suggestion">
                <Avatar name={s.person.name} initials={s.person.initials} photo={s.person.photo_url} size="sm" />
                <span><a href={`/mensen/${s.person.id}`}>{s.person.name}</a>, {s.team.name}
                  <span class="hint"> · {t(`onb.reason_${s.reason}`)}</span></span>
                <NewMark show={s.new_in_wijk} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="onb-tools" class="kennismaken__tools">
        <h2 id="onb-tools">{t('onb.tools_title')}</h2>
        <ul class="kennismaken__links">
          <li><a href={`/wijk/${pack.area.code}/wijzigingen`}>{t('onb.changes')}</a></li>
          <li><a href="/kennismaken/print">{t('onb.print')}</a></li>
          {/* a download, not a page: the router leaves /api/ links alone */}
          <li><a href={`/api/me/kennismaken/vcard?area=${pack.area.code}`} download>{t('onb.vcard')}</a></li>
          <li><button type="button" class="button-link" onClick={() => setChoosing(true)}>{t('onb.other_wijk')}</button></li>
        </ul>
        <DigestToggle area={pack.area} />
        <details class="kennismaken__progress">
          <summary>{t('onb.progress_title')}</summary>
          <p class="hint">{t('onb.progress_hint')}</p>
          <ul data-testid="progress">
            {pack.progress.map((p) => (
              <li key={p.team_type}>
                <span>{t('onb.progress_item', { met: p.met, total: p.total, label: lang === 'en' ? p.label_en : p.label_nl })}</span>
                <progress max={p.total} value={p.met} aria-hidden="true" />
              </li>
            ))}
          </ul>
        </details>
      </section>
    </article>
  );
}

/** One line of progress: how many of the wijk's (visible) colleagues the caller has met. */
function KnownLine({ pack }: { pack: PackData }) {
  const met = new Map<string, boolean>();
  for (const team of pack.teams) for (const m of team.members) met.set(m.person.id, (met.get(m.person.id) ?? false) || m.met);
  const total = met.size;
  const known = [...met.values()].filter(Boolean).length;
  return <p class="kennismaken__known" data-testid="known-line">{t('onb.known', { n: total, met: known, total, name: pack.area!.name })}</p>;
}
