// One record being edited: the values as read and as typed, the ETag they were read at,
// field errors, and a conflict when someone else saved first (412). Saving sends only the
// changed fields, checked first with the server's own Zod schema.
import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { ApiError, sendJson } from '../api/client';
import { t } from '../i18n/i18n';
import { bodyOf, changedFields, type FieldErrors, type FieldSpec, same, serverErrors, validate, type Values } from './form-model';

interface ConflictRow { name: string; mine: Values[string]; theirs: Values[string] }
export interface Conflict { theirs: Values; mineOnly: Values; etag: string; rows: ConflictRow[] }
export type Choice = 'mine' | 'theirs';

interface EditorOptions<R> {
  path: string;
  schema: z.ZodType;
  specs: FieldSpec[];
  toValues: (record: R) => Values;
  versionOf: (record: R) => number;
  onSaved?: (record: R) => void;
  /** Said after a save instead of "Opgeslagen" (e.g. that a save is no "Klopt nog"). */
  savedText?: string;
}

export function useEditor<R>(opts: EditorOptions<R>, record: R, readEtag: string) {
  const [base, setBase] = useState<Values>(() => opts.toValues(record));
  const [draft, setDraft] = useState<Values>(base);
  const [etag, setEtag] = useState(readEtag);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  // After a failed check the first invalid field gets focus (the summary lists them all).
  useEffect(() => {
    const first = opts.specs.find((s) => errors[s.name]);
    if (!first) return;
    const el = document.getElementById(`f-${first.name}`);
    (el?.matches('fieldset') ? el.querySelector<HTMLElement>('input') : el)?.focus();
  }, [focusTick]);

  const set = (name: string, value: Values[string]) => setDraft((d) => ({ ...d, [name]: value }));

  async function save(from: { base: Values; draft: Values; etag: string } = { base, draft, etag }): Promise<void> {
    const keys = changedFields(from.base, from.draft);
    setStatus(null);
    if (keys.length === 0) { setErrors({}); setStatus({ kind: 'ok', text: t('edit.nothing_changed') }); return; }
    const body = bodyOf(opts.specs, from.draft, keys);
    const invalid = validate(opts.schema, body);
    if (invalid) { setErrors(invalid); setFocusTick((n) => n + 1); return; }
    setErrors({});
    setBusy(true);
    try {
      const saved = await sendJson<R>('PATCH', opts.path, body, { 'if-match': from.etag });
      const values = opts.toValues(saved);
      setBase(values); setDraft(values); setEtag(`"${opts.versionOf(saved)}"`); setConflict(null);
      setStatus({ kind: 'ok', text: opts.savedText ?? t('edit.saved') });
      opts.onSaved?.(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const current = (error.body as { current?: R } | undefined)?.current;
        if (!current) { setStatus({ kind: 'error', text: error.message }); return; }
        const theirs = opts.toValues(current);
        // Only fields both changed, differently, need a choice; the rest of mine stays mine.
        const clash = (k: string) => !same(from.base[k], theirs[k]) && !same(from.draft[k], theirs[k]);
        const rows = keys.filter(clash).map((name) => ({ name, mine: from.draft[name]!, theirs: theirs[name]! }));
        const mineOnly = Object.fromEntries(keys.filter((k) => !clash(k)).map((k) => [k, from.draft[k]!]));
        const next = { theirs, mineOnly, etag: `"${opts.versionOf(current)}"`, rows };
        if (rows.length === 0) { resolveWith(next, {}); return; }
        setConflict(next);
      } else if (error instanceof ApiError && error.status === 400 && Object.keys(serverErrors(error)).length) {
        setErrors(serverErrors(error)); setFocusTick((n) => n + 1);
      } else {
        setStatus({ kind: 'error', text: error instanceof ApiError && error.message !== 'network' ? error.message : t('edit.failed') });
      }
    } finally { setBusy(false); }
  }

  /** Takes the other version as the new starting point, keeps "mine" where chosen, and saves again. */
  function resolveWith(c: Conflict, choices: Record<string, Choice>): void {
    const next = { ...c.theirs, ...c.mineOnly };
    for (const row of c.rows) if ((choices[row.name] ?? 'mine') === 'mine') next[row.name] = row.mine;
    setBase(c.theirs); setDraft(next); setEtag(c.etag); setConflict(null);
    void save({ base: c.theirs, draft: next, etag: c.etag });
  }

  /** The record as the server answered another write (e.g. "Klopt nog"): its values and version become the base. */
  function adopt(record: R): void {
    const values = opts.toValues(record);
    setBase(values); setDraft(values); setEtag(`"${opts.versionOf(record)}"`); setStatus(null);
  }

  const dirty = changedFields(base, draft).length > 0;
  return { base, draft, etag, errors, conflict, status, busy, dirty, adopt, set, save: () => save(), resolve: (choices: Record<string, Choice>) => conflict && resolveWith(conflict, choices), cancelConflict: () => setConflict(null) };
}
export type Editor = ReturnType<typeof useEditor>;
