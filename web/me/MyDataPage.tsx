// /mijn-gegevens — everything Wijkweb stores about the signed-in professional (AVG inzage),
// in readable sections, with the download, consent switches, photo and account deletion.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { Loading, useTitle } from '../components/Status';
import { formatDate, t } from '../i18n/i18n';
import { ConsentSection } from './ConsentSection';
import { DeleteAccount } from './DeleteAccount';
import { PhotoSection } from './PhotoSection';
import { loadMyData, type MyData } from './api';

const PROFILE_FIELDS = ['given_name', 'family_name', 'pronouns', 'job_title', 'ask_me_about', 'topics', 'languages', 'working_days',
  'phone_mobile', 'phone_mobile_visibility', 'phone_work', 'phone_work_visibility', 'email_work', 'email_work_visibility',
  'availability_note', 'private_notes', 'last_verified_at'];
const AUDIT_SHOWN = 50;

const show = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === null || value === undefined || value === '' ? '—' : String(value));

export function MyDataPage() {
  useTitle(t('me.title'));
  const [data, setData] = useState<MyData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = async () => { setData(await loadMyData()); };
  useEffect(() => { reload().catch(setError); }, []);

  if (error) {
    const signedOut = error instanceof ApiError && error.status === 401;
    return (
      <div class="page">
        <h1>{t('me.title')}</h1>
        <div class="notice notice--error" role="alert">
          <p>{signedOut ? t('me.sign_in') : t('status.error')}</p>
          {signedOut && <p><a href="/inloggen">{t('me.sign_in_link')}</a></p>}
        </div>
      </div>
    );
  }
  if (!data) return <div class="page"><h1>{t('me.title')}</h1><Loading /></div>;
  const { account, person } = data;
  return (
    <article class="page" data-testid="my-data">
      <h1>{t('me.title')}</h1>
      <p class="lead">{t('me.intro')}</p>
      <p><a class="button" href="/api/me/data?download=1" download="mijn-gegevens.json">{t('me.download')}</a></p>

      <section class="panel" aria-labelledby="me-account">
        <h2 id="me-account">{t('me.account')}</h2>
        <dl class="facts">
          <dt>{t('me.email')}</dt><dd>{account.email}</dd>
          <dt>{t('me.role')}</dt><dd>{account.role}</dd>
          <dt>{t('me.created')}</dt><dd>{formatDate(account.created_at)}</dd>
          <dt>{t('me.last_sign_in')}</dt><dd>{formatDate(account.last_sign_in_at)}</dd>
          <dt>{t('me.two_factor')}</dt><dd>{account.two_factor_enabled ? t('me.yes') : t('me.no')}</dd>
        </dl>
      </section>

      {person ? <>
        <section class="panel" aria-labelledby="me-profile">
          <h2 id="me-profile">{t('me.profile')}</h2>
          <dl class="facts" data-testid="my-profile">
            {PROFILE_FIELDS.map((f) => <Fragment key={f}><dt>{t(`me.field.${f}`)}</dt><dd>{show(person[f])}</dd></Fragment>)}
          </dl>
        </section>
        <section class="panel" aria-labelledby="me-teams">
          <h2 id="me-teams">{t('me.memberships')}</h2>
          <ul>{data.memberships.map((m) => (
            <li key={m.id}>
              <strong>{m.team_name}</strong> ({m.organisation_name}): {m.role}
              {m.is_contact_person ? `, ${t('me.contact_person')}` : ''}
              {m.since ? `, ${t('me.member_since', { date: formatDate(m.since) })}` : ''}
              {m.until ? `, ${t('me.member_until', { date: formatDate(m.until) })}` : ''}
            </li>))}
          </ul>
        </section>
        <ConsentSection data={data} reload={reload} />
        <PhotoSection data={data} reload={reload} />
      </> : <p class="notice">{t('me.no_person')}</p>}

      <section class="panel" aria-labelledby="me-sessions">
        <h2 id="me-sessions">{t('me.sessions')}</h2>
        <ul>{data.sessions.map((s) => (
          <li key={s.id}>
            {s.user_agent ?? '—'}: {t('me.session_started', { date: formatDate(s.created_at) })}
            {s.current ? ` (${t('me.session_current')})` : ''}{s.revoked_at ? ` (${t('me.session_ended')})` : ''}
          </li>))}
        </ul>
      </section>

      <section class="panel" aria-labelledby="me-audit">
        <h2 id="me-audit">{t('me.audit')}</h2>
        <ul>{data.audit.slice(0, AUDIT_SHOWN).map((a) => (
          <li key={a.id}>{formatDate(a.at)}: {a.action} ({a.by_me ? t('me.audit_by_me') : t('me.audit_by_other')})</li>))}
        </ul>
        {data.audit.length > AUDIT_SHOWN && <p>{t('me.audit_more', { n: data.audit.length - AUDIT_SHOWN })}</p>}
      </section>

      <DeleteAccount email={account.email} />
    </article>
  );
}
