// First sign-in without a known wijk (or "another wijk"): choose one from the list.
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useFetch } from '../components/use-fetch';
import { onboardingApi } from './api';

export function AreaChooser({ current, onChosen }: { current?: string; onChosen: (code: string) => void }) {
  const { data } = useFetch((s) => onboardingApi.wijken(s), []);
  const [code, setCode] = useState(current ?? '');
  const [failed, setFailed] = useState(false);
  const wijken = data?.items ?? [];
  const submit = async (e: Event) => {
    e.preventDefault();
    const chosen = code || wijken[0]?.code;
    if (!chosen) return;
    try { await onboardingApi.chooseArea(chosen); onChosen(chosen); } catch { setFailed(true); }
  };
  return (
    <form class="area-chooser" onSubmit={submit}>
      <label for="kennismaken-wijk">{t('onb.choose_label')}</label>
      <select id="kennismaken-wijk" value={code || wijken[0]?.code} onChange={(e) => setCode((e.target as HTMLSelectElement).value)}>
        {wijken.map((w) => <option key={w.code} value={w.code}>{w.name}</option>)}
      </select>
      <button type="submit" class="button">{t('onb.choose_button')}</button>
      {failed && <p role="alert" class="notice notice--error">{t('onb.save_error')}</p>}
    </form>
  );
}
