// Two-step sign-in with an authenticator app (editors and admins): set up, confirm with a
// first code, or switch off with a code. The secret is shown once, during setup only.
import { useState } from 'preact/hooks';
import { sendJson } from '../api/client';
import { t } from '../i18n/i18n';
import { Field, FormMessage } from '../auth/Field';
import { errorText } from '../auth/errors';
import { refreshSession } from '../auth/session';

interface Setup { secret: string; uri: string }

export function TotpSection() {
  const [setup, setSetup] = useState<Setup>();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setMessage(undefined);
    try { await fn(); setMessage({ kind: 'ok', text: ok }); setCode(''); await refreshSession(); } catch (err) { setMessage({ kind: 'error', text: errorText(err) }); }
  };
  return (
    <section class="panel account-section" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp_title')}</h2>
      <p>{t('account.totp_intro')}</p>
      {message && <FormMessage kind={message.kind} text={message.text} />}
      {setup ? (
        <form class="form" onSubmit={(e) => { e.preventDefault(); void act(() => sendJson('POST', '/api/auth/totp/confirm', { code: code.trim() }), t('account.totp_on')).then(() => setSetup(undefined)); }}>
          <p>{t('account.totp_scan')}</p>
          <p><code class="secret" data-testid="totp-secret">{setup.secret}</code></p>
          <p class="hint"><a href={setup.uri}>{t('account.totp_open_app')}</a></p>
          <Field id="totp_code" label={t('auth.field.code')} value={code} onInput={setCode} inputMode="numeric" autoComplete="one-time-code" />
          <button class="button" type="submit">{t('account.totp_confirm')}</button>
        </form>
      ) : (
        <div class="button-row">
          <button type="button" class="button-secondary" onClick={() => void sendJson<Setup>('POST', '/api/auth/totp/setup', {}).then(setSetup, (e) => setMessage({ kind: 'error', text: errorText(e) }))}>
            {t('account.totp_setup')}
          </button>
          <form class="form form--inline" onSubmit={(e) => { e.preventDefault(); void act(() => sendJson('DELETE', '/api/auth/totp', { code: code.trim() }), t('account.totp_off')); }}>
            <Field id="totp_off_code" label={t('account.totp_off_label')} value={code} onInput={setCode} inputMode="numeric" required={false} />
            <button class="button-secondary" type="submit">{t('account.totp_disable')}</button>
          </form>
        </div>
      )}
    </section>
  );
}
