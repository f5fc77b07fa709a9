// /wachtwoord-vergeten asks for a reset link; /wachtwoord-herstellen?token=… sets a new
// password with it. The server answers the same for every address (no enumeration), and
// so does this page.
import { useState } from 'preact/hooks';
import { sendJson } from '../api/client';
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import { Field, FormMessage } from './Field';
import { errorText, fieldErrors } from './errors';
import { PasswordField, type Strength } from './PasswordField';

export function ForgotPasswordPage() {
  useTitle(t('auth.forgot.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try { await sendJson('POST', '/api/auth/reset', { email: email.trim() }); setSent(true); } catch (err) { setError(errorText(err)); }
  };
  return (
    <div class="page auth-page">
      <h1>{t('auth.forgot.title')}</h1>
      {sent ? <FormMessage kind="ok" text={t('auth.forgot.sent')} /> : (
        <form class="form" onSubmit={submit}>
          <p>{t('auth.forgot.intro')}</p>
          <FormMessage kind="error" text={error} />
          <Field id="email" label={t('auth.field.email')} type="email" value={email} onInput={setEmail} autoComplete="username" />
          <button class="button" type="submit">{t('auth.forgot.submit')}</button>
        </form>
      )}
    </div>
  );
}

/** Shared by the reset page and the invitation page: a token and a new password. */
export function NewPasswordForm({ endpoint, submitLabel, onDone }: { endpoint: string; submitLabel: string; onDone: () => void }) {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  if (!token) return <FormMessage kind="error" text={t('auth.error.invalid_token')} />;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const local: Record<string, string> = {};
    if (strength && !strength.ok) local.password = t('auth.password.too_weak');
    if (repeat !== password) local.repeat = t('auth.password.mismatch');
    setErrors(local);
    if (Object.keys(local).length) return;
    try { await sendJson('POST', endpoint, { token, password }); onDone(); } catch (err) { setErrors(fieldErrors(err)); setError(errorText(err)); }
  };
  return (
    <form class="form" onSubmit={submit}>
      <FormMessage kind="error" text={error} />
      <PasswordField id="password" label={t('auth.field.new_password')} value={password} onInput={setPassword} error={errors.password}
        userInputs={[]} onStrength={setStrength} />
      <Field id="repeat" label={t('auth.field.repeat_password')} type="password" value={repeat} onInput={setRepeat} error={errors.repeat} autoComplete="new-password" />
      <button class="button" type="submit">{submitLabel}</button>
    </form>
  );
}

export function ResetPasswordPage() {
  useTitle(t('auth.reset.title'));
  const [done, setDone] = useState(false);
  return (
    <div class="page auth-page">
      <h1>{t('auth.reset.title')}</h1>
      {done
        ? <><FormMessage kind="ok" text={t('auth.reset.done')} /><p><a href="/inloggen">{t('auth.signin.title')}</a></p></>
        : <NewPasswordForm endpoint="/api/auth/reset/confirm" submitLabel={t('auth.reset.submit')} onDone={() => setDone(true)} />}
    </div>
  );
}
