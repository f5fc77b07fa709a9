// The weekly digest of the wijk's changes, on or off: a plain checkbox.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { announce } from '../components/announce';
import { onboardingApi } from './api';

export function DigestToggle({ area }: { area: { code: string; name: string } }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    onboardingApi.digest(ctrl.signal).then((d) => setOn(d.areas.some((a) => a.code === area.code)), () => setOn(false));
    return () => ctrl.abort();
  }, [area.code]);
  const change = async (next: boolean) => {
    try {
      const d = await onboardingApi.setDigest(area.code, next);
      const now = Boolean(d?.areas.some((a) => a.code === area.code));
      setOn(now);
      announce(t(now ? 'onb.digest_on' : 'onb.digest_off', { name: area.name }));
    } catch { announce(t('onb.save_error')); }
  };
  return (
    <p class="digest-toggle">
      <input type="checkbox" id="digest-toggle" checked={on === true} disabled={on === null}
        onChange={(e) => change((e.target as HTMLInputElement).checked)} />
      <label for="digest-toggle">{t('onb.digest', { name: area.name })}</label>
    </p>
  );
}
