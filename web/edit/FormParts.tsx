// Form pieces for the edit pages: one labelled control per field spec with its error under
// it (aria-describedby), the error summary at the top, and a value as text (conflict view).
import { t } from '../i18n/i18n';
import type { FieldErrors, FieldSpec, FormValue } from './form-model';
import type { Editor } from './use-editor';

export const fieldLabel = (name: string) => t(`edit.field.${name}`);

export function ErrorSummary({ errors, specs }: { errors: FieldErrors; specs: FieldSpec[] }) {
  const names = Object.keys(errors);
  if (!names.length) return null;
  const known = (n: string) => specs.some((s) => s.name === n);
  return (
    <div class="notice notice--error error-summary" role="alert" data-testid="error-summary">
      <h2>{t('edit.errors_title')}</h2>
      <ul>{names.map((n) => <li key={n}>{known(n) ? <a href={`#f-${n}`}>{fieldLabel(n)}</a> : fieldLabel(n)}: {errors[n]}</li>)}</ul>
    </div>
  );
}

export function EditField({ spec, editor }: { spec: FieldSpec; editor: Pick<Editor, 'draft' | 'errors' | 'set'> }) {
  const { name, kind } = spec;
  const id = `f-${name}`;
  const error = editor.errors[name];
  const value = editor.draft[name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const hint = spec.hint && <div class="hint" id={`${id}-hint`}>{spec.hint}</div>;
  const err = error && <p class="field__error" id={`${id}-error`}>{error}</p>;
  const common = { id, name, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': described };
  if (kind === 'checks') {
    const list = (value as string[]) ?? [];
    return (
      <fieldset id={id} class={error ? 'field checks field--error' : 'field checks'} aria-describedby={described}>
        <legend>{fieldLabel(name)}</legend>{hint}
        <div class="checks__list">
          {(spec.options?.() ?? []).map((o) => (
            <label key={o.value}><input type="checkbox" value={o.value} checked={list.includes(o.value)}
              onChange={(e) => editor.set(name, (e.target as HTMLInputElement).checked ? [...list, o.value] : list.filter((v) => v !== o.value))} /> {o.label}</label>
          ))}
        </div>{err}
      </fieldset>
    );
  }
  if (kind === 'checkbox') {
    return (
      <div class={error ? 'field field--error' : 'field'}>
        <label><input type="checkbox" {...common} checked={Boolean(value)} onChange={(e) => editor.set(name, (e.target as HTMLInputElement).checked)} /> {fieldLabel(name)}</label>
        {hint}{err}
      </div>
    );
  }
  const onInput = (e: Event) => editor.set(name, (e.target as HTMLInputElement).value);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{fieldLabel(name)}</label>{hint}
      {kind === 'select'
        ? <select {...common} value={String(value)} onChange={onInput}>{(spec.options?.() ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>
        : kind === 'textarea' || kind === 'lines'
          ? <textarea {...common} rows={kind === 'lines' ? 4 : 5} value={String(value ?? '')} onInput={onInput} />
          : <input {...common} {...({ type: kind } as { type: 'text' })} value={String(value ?? '')} onInput={onInput}
              autoComplete={kind === 'email' ? 'off' : undefined} />}
      {err}
    </div>
  );
}

/** A value as a person reads it: option labels, one line per list item, "(leeg)" for nothing. */
export function showValue(spec: FieldSpec | undefined, value: FormValue): string {
  if (typeof value === 'boolean') return value ? t('edit.yes') : t('edit.no');
  const options = spec?.options?.() ?? [];
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.length ? value.map(labelOf).join(', ') : t('edit.empty');
  const text = value.trim();
  if (!text) return t('edit.empty');
  return spec?.kind === 'select' ? labelOf(text) : spec?.kind === 'lines' ? text.split('\n').filter(Boolean).join(', ') : text;
}
