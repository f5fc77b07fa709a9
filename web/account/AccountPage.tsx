// /account — "Mijn account": who I am, change my password, my active sessions, and
// signing out everywhere. Anonymous visitors are sent to the sign-in page.
import { useState } from 'preact/hooks';
import { getJson, sendJson } from '../api/client';
import { formatDate, t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { Field, FormMessage } from '../auth/Field';
import { errorText, fieldErrors } from '../auth/errors';
import { PasswordField, type Strength } from '../auth/PasswordField';
import { refreshSession, signOut, useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';
import { TotpSection } from './TotpSection';

export function AccountPage() {
  useTitle(t('account.title'));
  const { me } = useSession();
  if (me === undefined) return null;
  if (me === null) return <SignInFirst />;
  return (
    <div class="page account-page" data-testid="account-page">
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('auth.field.email')}</dt><dd>{me.email}</dd>
        <dt>{t('account.role')}</dt><dd>{t(`account.role.${me.role}`)}</dd>
      </dl>
      {me.person_id && <p><a href={`/mensen/${me.person_id}`}>{t('account.my_profile')}</a></p>}
      {me.mfa_required && <p class="notice notice--error" role="alert">{t(me.mfa_step === 'sign_in_with_code' ? 'account.mfa_sign_in_again' : 'account.mfa_required')}</p>}
      <ChangePassword email={me.email} />
      <Sessions />
      {(me.role === 'editor' || me.role === 'admin') && <TotpSection />}
      <section class="panel account-section">
        <h2>{t('account.signout_title')}</h2>
        <button type="button" class="button" onClick={() => void signOut()}>{t('auth.menu.signout')}</button>
      </section>
    </div>
  );
}

function ChangePassword({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    if (strength && !strength.ok) { setErrors({ new_password: t('auth.password.too_weak') }); return; }
    try {
      await sendJson('POST', '/api/auth/password', { current_password: current, new_password: next });
      setCurrent(''); setNext(''); setErrors({});
      setMessage({ kind: 'ok', text: t('account.password_changed') });
    } catch (err) { setErrors(fieldErrors(err)); setMessage({ kind: 'error', text: errorText(err) }); }
  };
  return (
    <section class="panel account-section" aria-labelledby="pw-title">
      <h2 id="pw-title">{t('account.password_title')}</h2>
      <form class="form" onSubmit={submit}>
        {message && <FormMessage kind={message.kind} text={message.text} />}
        <Field id="current_password" label={t('auth.field.current_password')} type="password" value={current} onInput={setCurrent}
          error={errors.current_password} autoComplete="current-password" />
        <PasswordField id="new_password" label={t('auth.field.new_password')} value={next} onInput={setNext} error={errors.new_password}
          userInputs={[email]} onStrength={setStrength} />
        <button class="button" type="submit">{t('account.password_submit')}</button>
      </form>
    </section>
  );
}

interface SessionItem { id: string; created_at: string; last_seen_at: string; user_agent: string | null; current: boolean }

function Sessions() {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string>();
  const { data } = useFetch((s) => getJson<{ items: SessionItem[] }>('/api/auth/sessions', s), [version]);
  const revoke = async (id: string) => { await sendJson('DELETE', `/api/auth/sessions/${id}`); setVersion((v) => v + 1); };
  const revokeOthers = async () => {
    await sendJson('POST', '/api/auth/sessions/revoke-all', {});
    setMessage(t('account.sessions_revoked'));
    setVersion((v) => v + 1);
    await refreshSession();
  };
  return (
    <section class="panel account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessions_title')}</h2>
      <FormMessage kind="ok" text={message} />
      <ul class="session-list" data-testid="sessions">
        {data?.items.map((s) => (
          <li key={s.id}>
            <span>{s.user_agent ? shortAgent(s.user_agent) : t('account.session_unknown')}</span>
            <span class="muted"> · {t('account.session_since', { date: formatDate(s.created_at) })}</span>
            {s.current ? <strong> · {t('account.session_current')}</strong>
              : <button type="button" class="button-link" onClick={() => void revoke(s.id)}>{t('account.session_revoke')}</button>}
          </li>
        ))}
      </ul>
      <button type="button" class="button-secondary" onClick={() => void revokeOthers().catch((e) => setMessage(errorText(e)))}>
        {t('account.sessions_revoke_all')}
      </button>
    </section>
  );
}

/** "Chrome on Linux" is enough to recognise a session; the full string is noise. */
function shortAgent(agent: string): string {
  const browser = /Firefox|Edg|Chrome|Safari/.exec(agent)?.[0]?.replace('Edg', 'Edge') ?? '';
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux/.exec(agent)?.[0]?.replace('Mac OS X', 'macOS') ?? '';
  return [browser, os].filter(Boolean).join(' · ') || agent.slice(0, 60);
}
