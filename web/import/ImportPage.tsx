// /importeren — for editors: choose a kind, upload a CSV, read the dry-run report (every
// error by row and column), then apply. The server decides who may import; this page only
// asks /api/auth/me to know whether to show the form or "log in als redacteur".
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import type { ImportReport } from '../../server/csv/csv.schemas';
import { ReportView } from './ReportView';
import { useSession } from '../auth/session';
import './import.css';

// verwijsroutes (pathways) are the gemeente's agreements: only admins import them
const KINDS = ['organisations', 'locations', 'teams', 'people', 'pathways'] as const;
const ADMIN_ONLY: ReadonlySet<string> = new Set(['pathways']);
type Kind = (typeof KINDS)[number];
type Phase = { step: 'idle' } | { step: 'busy'; label: string } | { step: 'report'; report: ImportReport } | { step: 'done'; report: ImportReport } | { step: 'failed'; message: string };

async function canImport(): Promise<boolean> {
  try {
    const res = await fetch('/api/auth/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) return false;
    const me = (await res.json()) as { role?: string };
    return me.role === 'editor' || me.role === 'admin';
  } catch { return false; }
}

async function upload(kind: Kind, file: File, dryRun: boolean): Promise<ImportReport> {
  const res = await fetch(`/api/import/${kind}.csv?dry_run=${dryRun ? 1 : 0}`, {
    method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/json' }, body: await file.text(), credentials: 'same-origin',
  });
  const body = await res.json() as ImportReport & { message?: string };
  if (!res.ok) throw new Error(body.message ?? res.statusText);
  return body;
}

export function ImportPage() {
  useTitle(t('import.title'));
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => { void canImport().then(setAllowed); }, []);
  return (
    <article class="page import-page" data-testid="import-page">
      <h1>{t('import.title')}</h1>
      <p class="lead">{t('import.lead')}</p>
      {allowed === false && (
        <p class="panel" data-testid="import-sign-in">{t('import.sign_in')} <a href={`/inloggen?next=${encodeURIComponent('/importeren')}`}>{t('import.sign_in_link')}</a></p>
      )}
      {allowed && <ImportForm />}
    </article>
  );
}

function ImportForm() {
  const { me } = useSession();
  const kinds = KINDS.filter((k) => !ADMIN_ONLY.has(k) || me?.role === 'admin');
  const [kind, setKind] = useState<Kind>('organisations');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const run = async (dryRun: boolean) => {
    if (!file) { setPhase({ step: 'failed', message: t('import.no_file') }); return; }
    setPhase({ step: 'busy', label: t(dryRun ? 'import.checking' : 'import.applying') });
    try {
      const report = await upload(kind, file, dryRun);
      setPhase(dryRun ? { step: 'report', report } : { step: 'done', report });
    } catch (error) { setPhase({ step: 'failed', message: (error as Error).message }); }
  };
  return (
    <form class="import-form" onSubmit={(e) => { e.preventDefault(); void run(true); }}>
      <fieldset>
        <legend>{t('import.kind')}</legend>
        {kinds.map((k) => (
          <label key={k} class="choice"><input type="radio" name="kind" value={k} checked={kind === k}
            onChange={() => { setKind(k); setPhase({ step: 'idle' }); }} /> {t(`import.kind.${k}`)}</label>
        ))}
        <p class="hint">{t('import.order_hint')}</p>
      </fieldset>
      <p>
        <label for="import-file">{t('import.file')}</label><br />
        <input id="import-file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint"
          onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0] ?? null); setPhase({ step: 'idle' }); }} />
        <br /><span id="import-file-hint" class="hint">{t('import.file_hint')}</span>
      </p>
      <p><a href={`/api/export/${kind}.csv`} download>{t('import.export_link', { kind: t(`import.kind.${kind}`).toLowerCase() })}</a></p>
      <p><button type="submit" class="button">{t('import.check')}</button></p>
      <div role="status" aria-live="polite">
        {phase.step === 'busy' && <p>{phase.label}</p>}
        {phase.step === 'failed' && <p class="error-text">{t('import.failed', { message: phase.message })}</p>}
        {phase.step === 'done' && <p>{t('import.done', { created: phase.report.created, updated: phase.report.updated })}</p>}
      </div>
      {phase.step === 'report' && <ReportView report={phase.report} onApply={() => void run(false)} />}
    </form>
  );
}
