// 412: someone else saved first. Both versions side by side, per field the person picks
// theirs or the other; saving resends the chosen values with the new version.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { FieldSpec } from './form-model';
import { fieldLabel, showValue } from './FormParts';
import type { Choice, Conflict } from './use-editor';

export function ConflictView({ conflict, specs, onResolve, onCancel, busy }: {
  conflict: Conflict; specs: FieldSpec[]; busy: boolean;
  onResolve: (choices: Record<string, Choice>) => void; onCancel: () => void;
}) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [conflict]);
  const spec = (name: string) => specs.find((s) => s.name === name);
  return (
    <section class="conflict panel" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>{t('edit.conflict_title')}</h2>
      <p>{t('edit.conflict_text')}</p>
      <form onSubmit={(e) => { e.preventDefault(); onResolve(choices); }}>
        <table class="conflict__table">
          <caption class="sr-only">{t('edit.conflict_caption')}</caption>
          <thead><tr><th scope="col">{t('edit.conflict_field')}</th><th scope="col">{t('edit.conflict_mine')}</th><th scope="col">{t('edit.conflict_theirs')}</th><th scope="col">{t('edit.conflict_choice')}</th></tr></thead>
          <tbody>
            {conflict.rows.map((row) => {
              const choice = choices[row.name] ?? 'mine';
              const pick = (c: Choice) => setChoices((s) => ({ ...s, [row.name]: c }));
              return (
                <tr key={row.name} data-field={row.name}>
                  <th scope="row">{fieldLabel(row.name)}</th>
                  <td>{showValue(spec(row.name), row.mine)}</td>
                  <td>{showValue(spec(row.name), row.theirs)}</td>
                  <td>
                    <fieldset class="conflict__choice">
                      <legend class="sr-only">{t('edit.conflict_legend', { field: fieldLabel(row.name) })}</legend>
                      <label><input type="radio" name={`keep-${row.name}`} value="mine" checked={choice === 'mine'} onChange={() => pick('mine')} /> {t('edit.keep_mine')}</label>
                      <label><input type="radio" name={`keep-${row.name}`} value="theirs" checked={choice === 'theirs'} onChange={() => pick('theirs')} /> {t('edit.take_theirs')}</label>
                    </fieldset>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>{t('edit.conflict_save')}</button>
          <button type="button" class="button-secondary" onClick={onCancel}>{t('edit.conflict_back')}</button>
        </div>
      </form>
    </section>
  );
}
