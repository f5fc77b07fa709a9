// The "Kennismaken" link in the header, shown to signed-in accounts only.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

let signedIn: Promise<boolean> | null = null;
const isSignedIn = () => (signedIn ??= fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
  .then((r) => r.ok, () => false));

export function KennismakenLink({ current }: { current: boolean }) {
  const [show, setShow] = useState(false);
  useEffect(() => { isSignedIn().then(setShow); }, []);
  return show ? <a href="/kennismaken" aria-current={current ? 'page' : undefined}>{t('onb.nav')}</a> : null;
}
