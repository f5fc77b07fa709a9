// /inloggen — sign in with e-mail and password (and a code from the authenticator app
// when the account has one). After signing in the person goes where they were headed.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { useTitle } from '../components/Status';
import { Field, FormMessage } from './Field';
import { errorText } from './errors';
import { signIn, useSession } from './session';

/** Only our own paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/kaart';
}

export function SignInPage({ query }: { query: URLSearchParams }) {
  useTitle(t('auth.signin.title'));
  const { me } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setError(undefined);
    try {
      await signIn({ email: email.trim(), password, ...(needCode ? { code: code.trim() } : {}) });
      navigate(safeNext(query.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'code_required' || err.code === 'invalid_code')) setNeedCode(true);
      setError(errorText(err));
    } finally { setBusy(false); }
  };

  return (
    <div class="page auth-page" data-testid="signin-page">
      <h1>{t('auth.signin.title')}</h1>
      <p class="lead-small">{t('auth.signin.intro')}</p>
      {me && <p class="notice" role="status">{t('auth.signin.already', { email: me.email })} <a href="/account">{t('auth.menu.account')}</a></p>}
      <form class="form" onSubmit={submit} noValidate={false}>
        <FormMessage kind="error" text={error} />
        <Field id="email" label={t('auth.field.email')} type="email" value={email} onInput={setEmail} autoComplete="username" inputMode="email" />
        <Field id="password" label={t('auth.field.password')} type="password" value={password} onInput={setPassword} autoComplete="current-password" />
        {needCode && <Field id="code" label={t('auth.field.code')} value={code} onInput={setCode} autoComplete="one-time-code" inputMode="numeric" hint={t('auth.field.code_hint')} />}
        <button class="button" type="submit" disabled={busy}>{t('auth.signin.submit')}</button>
      </form>
      <p><a href="/wachtwoord-vergeten">{t('auth.signin.forgot')}</a></p>
      <p class="hint">{t('auth.signin.residents')}</p>
    </div>
  );
}
