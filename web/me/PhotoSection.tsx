// The own photo: choose a file, see a preview, say colleagues may see it, upload the file
// itself as the request body (the server checks and re-encodes it). The preview is a data:
// URL because the page's CSP allows data: images, not blob: ones.
import { useState } from 'preact/hooks';
import { Avatar } from '../components/Avatar';
import { t } from '../i18n/i18n';
import { Feedback, type Message } from './Feedback';
import { type MyData, send } from './api';

const MAX = 5 * 1024 * 1024;

export function PhotoSection({ data, reload }: { data: MyData; reload: () => Promise<void> }) {
  const person = data.person!;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [consent, setConsent] = useState(person.photo_consent);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  function choose(chosen: File | undefined) {
    setFile(chosen ?? null);
    setPreview(null);
    if (!chosen) return;
    if (chosen.size > MAX) { setMessage({ text: t('me.photo_too_big'), error: true }); return; }
    const reader = new FileReader();
    reader.onload = () => setPreview(String(reader.result));
    reader.readAsDataURL(chosen);
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try { await action(); await reload(); setFile(null); setPreview(null); setMessage({ text: done }); } catch (e) { setMessage({ text: (e as Error).message, error: true }); }
    setBusy(false);
  }

  function upload(e: Event) {
    e.preventDefault();
    if (!file) return;
    if (!consent) { setMessage({ text: t('me.photo_need_consent'), error: true }); return; }
    void run(() => send('POST', `/api/people/${person.id}/photo?consent=1`, file, file.type || 'application/octet-stream'), t('me.photo_saved'));
  }

  const name = `${person.given_name} ${person.family_name}`;
  return (
    <section class="panel" aria-labelledby="me-photo">
      <h2 id="me-photo">{t('me.photo')}</h2>
      {person.photo_url
        ? <p><img class="avatar avatar--lg" src={person.photo_url} alt={t('me.photo_current')} /></p>
        : <p><Avatar name={name} initials={`${person.given_name[0] ?? ''}${person.family_name.split(' ').pop()?.[0] ?? ''}`.toUpperCase()} photo={null} size="lg" /> {t('me.photo_none')}</p>}
      <form onSubmit={upload}>
        <p>
          <label for="me-photo-file">{t('me.photo_choose')}</label><br />
          <input id="me-photo-file" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => choose(e.currentTarget.files?.[0])} />
        </p>
        {preview && <p><img class="avatar avatar--lg" src={preview} alt={t('me.photo_preview')} /></p>}
        <p>
          <input type="checkbox" id="me-photo-consent" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          {' '}<label for="me-photo-consent">{t('me.photo_consent')}</label>
        </p>
        <p>
          <button type="submit" class="button" disabled={busy || !file}>{t('me.photo_upload')}</button>
          {person.photo_url && <>{' '}<button type="button" class="button" disabled={busy}
            onClick={() => run(() => send('DELETE', `/api/people/${person.id}/photo`), t('me.photo_removed'))}>{t('me.photo_remove')}</button></>}
        </p>
      </form>
      <Feedback id="me-photo-message" message={message} />
    </section>
  );
}
