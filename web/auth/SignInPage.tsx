// /inloggen — sign in with e-mail, password and, for accounts with two-step sign-in, the
// code from the authenticator app. The code field is always there (optional): the server
// answers one "e-mailadres, wachtwoord of code klopt niet" for any wrong combination, so
// the form never learns, and never shows, whether the password alone was right or whether
// the account has a second factor. After signing in the person goes where they were headed.
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { useTitle } from '../components/Status';
import { Field, FormMessage } from './Field';
import { errorText } from './errors';
import { signIn, useSession } from './session';

/** Only our own paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/kaart';
}

export function SignInPage({ query }: { query: URLSearchParams }) {
  useTitle(t('auth.signin.title'));
  const { me } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setError(undefined);
    try {
      // Apps show the code as "123 456": the spaces are not part of it.
      const digits = code.replace(/\s+/g, '');
      await signIn({ email: email.trim(), password, ...(digits ? { code: digits } : {}) });
      navigate(safeNext(query.get('next')), { replace: true });
    } catch (err) {
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
        <Field id="code" label={t('auth.field.code_optional')} value={code} onInput={setCode} required={false}
          autoComplete="one-time-code" inputMode="numeric" hint={t('auth.field.code_optional_hint')} />
        <button class="button" type="submit" disabled={busy}>{t('auth.signin.submit')}</button>
      </form>
      <p><a href="/wachtwoord-vergeten">{t('auth.signin.forgot')}</a></p>
      <p class="hint">{t('auth.signin.residents')}</p>
    </div>
  );
}
