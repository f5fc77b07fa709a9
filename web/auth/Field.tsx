// A labelled form field whose error (from the browser check or the server) sits right
// under it and is tied to the input with aria-describedby, so screen readers read both.
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: ComponentChildren;
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'email' | 'text';
}

export function Field({ id, label, type = 'text', value, onInput, error, hint, autoComplete, required = true, inputMode }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <div class="hint" id={`${id}-hint`}>{hint}</div>}
      {/* preact's input types are a union per `type`; ours is one of three plain text inputs */}
      <input id={id} name={id} {...({ type } as { type: 'text' })} value={value} required={required} autoComplete={autoComplete} inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
      {error && <p class="field__error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** A form-level message: errors are alerts, confirmations polite status messages. */
export function FormMessage({ kind, text }: { kind: 'error' | 'ok'; text: string | undefined }) {
  if (!text) return null;
  return kind === 'error'
    ? <div class="notice notice--error" role="alert">{text}</div>
    : <div class="notice" role="status">{text}</div>;
}
