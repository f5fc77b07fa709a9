// A new password with a strength meter that updates as the person types. The check is the
// server's own policy module (same rules, same dictionaries), loaded only on these pages.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { Field } from './Field';

type Check = (password: string, inputs: string[]) => { ok: boolean; score: number; reasons: string[] };
let loading: Promise<Check> | undefined;
const loadCheck = () => (loading ??= import('./strength').then((m) => m.checkStrength));

export interface Strength { ok: boolean; score: number; reasons: string[] }

export function PasswordField({ id, label, value, onInput, error, userInputs, onStrength }: {
  id: string; label: string; value: string; onInput: (v: string) => void; error?: string;
  userInputs: string[]; onStrength?: (s: Strength | null) => void;
}) {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    let live = true;
    if (!value) { setStrength(null); onStrength?.(null); return; }
    void loadCheck().then((check) => {
      if (!live) return;
      const s = check(value, userInputs);
      setStrength(s);
      onStrength?.(s);
    }).catch(() => { /* the server checks anyway */ });
    return () => { live = false; };
  }, [value]);
  const level = strength ? Math.max(0, Math.min(4, strength.score)) : 0;
  return (
    <div class="password-field">
      <Field id={id} label={label} type="password" value={value} onInput={onInput} error={error}
        autoComplete="new-password" hint={t('auth.password.rules')} />
      <div class="strength" data-testid="password-strength" aria-live="polite">
        {strength && (
          <>
            <meter min={0} max={4} low={2} high={3} optimum={4} value={level} aria-label={t('auth.password.strength')} />
            <span>{t(`auth.password.score_${level}`)}{strength.ok ? '' : ` ${t('auth.password.not_yet')}`}</span>
            {strength.reasons.length > 0 && (
              <ul class="strength__reasons">{strength.reasons.map((r) => <li key={r}>{translateReason(r)}</li>)}</ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function translateReason(reason: string): string {
  const text = t(reason);
  return text === reason ? reason : text;
}
