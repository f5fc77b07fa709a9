// Consent toggles with their dates, the "residents can find me" switch and the 06 number.
// Each change is sent at once and the page reloads its data from the server.
import { useState } from 'preact/hooks';
import { formatDate, t } from '../i18n/i18n';
import { Feedback, type Message } from './Feedback';
import { type MyData, send } from './api';

const FIELDS = ['photo_internal', 'photo', 'ask_me_about', 'phone_work', 'email_work'] as const;

function dates(consents: MyData['consents'], field: string): string {
  const latest = consents.filter((c) => c.field === field).sort((a, b) => b.granted_at.localeCompare(a.granted_at))[0];
  if (!latest) return t('me.never');
  return latest.withdrawn_at
    ? `${t('me.granted', { date: formatDate(latest.granted_at) })}, ${t('me.withdrawn', { date: formatDate(latest.withdrawn_at) })}`
    : t('me.granted', { date: formatDate(latest.granted_at) });
}

export function ConsentSection({ data, reload }: { data: MyData; reload: () => Promise<void> }) {
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const person = data.person!;
  const active = new Set(data.consents.filter((c) => !c.withdrawn_at).map((c) => c.field));
  const isOn = (field: string) => (field === 'photo_internal' ? person.photo_consent : active.has(field));

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try { await action(); await reload(); setMessage({ text: done }); } catch (e) { setMessage({ text: (e as Error).message, error: true }); }
    setBusy(false);
  }

  return (
    <section class="panel" aria-labelledby="me-consents">
      <h2 id="me-consents">{t('me.consents')}</h2>
      <p>{t('me.consents_intro')}</p>
      <ul class="plain-list">
        <li>
          <input type="checkbox" id="me-public-profile" checked={person.public_profile} disabled={busy}
            onChange={(e) => run(() => send('PUT', '/api/me/public-profile', { public: e.currentTarget.checked }), t('me.saved'))} />
          {' '}<label for="me-public-profile">{t('me.public_profile')}</label>
        </li>
        {FIELDS.map((field) => (
          <li key={field}>
            <input type="checkbox" id={`me-consent-${field}`} checked={isOn(field)} disabled={busy} aria-describedby={`me-consent-${field}-dates`}
              onChange={(e) => run(() => send(e.currentTarget.checked ? 'PUT' : 'DELETE', `/api/me/consents/${field}`), t('me.saved'))} />
            {' '}<label for={`me-consent-${field}`}>{t(`me.consent.${field}`)}</label>
            {field !== 'photo_internal' && <span class="meta" id={`me-consent-${field}-dates`}> ({dates(data.consents, field)})</span>}
          </li>
        ))}
      </ul>
      <h3>{t('me.mobile')}</h3>
      {person.phone_mobile
        ? <p>{person.phone_mobile}{' '}
          <button type="button" class="button" disabled={busy} onClick={() => run(() => send('DELETE', '/api/me/mobile'), t('me.mobile_removed'))}>{t('me.mobile_remove')}</button></p>
        : <p>{t('me.mobile_none')}</p>}
      <Feedback id="me-consent-message" message={message} />
    </section>
  );
}
