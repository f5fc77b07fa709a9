// "Account verwijderen": only after typing the own e-mail address; then back to the start.
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { Feedback, type Message } from './Feedback';
import { send } from './api';

export function DeleteAccount({ email }: { email: string }) {
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== email.toLowerCase()) { setMessage({ text: t('me.delete_mismatch'), error: true }); return; }
    try {
      await send('DELETE', '/api/me', { confirm: typed.trim() });
      setMessage({ text: t('me.deleted') });
      window.setTimeout(() => { location.href = '/'; }, 1500);
    } catch (err) { setMessage({ text: (err as Error).message, error: true }); }
  }

  return (
    <section class="panel" aria-labelledby="me-delete">
      <h2 id="me-delete">{t('me.delete')}</h2>
      <p>{t('me.delete_text')}</p>
      <form onSubmit={submit}>
        <p>
          <label for="me-delete-confirm">{t('me.delete_confirm')}</label><br />
          <input id="me-delete-confirm" type="email" autocomplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </p>
        <p><button type="submit" class="button button--danger">{t('me.delete_button')}</button></p>
      </form>
      <Feedback id="me-delete-message" message={message} />
    </section>
  );
}
