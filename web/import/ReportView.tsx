// The dry-run report: counts, and every error as a table row (row, column, message) so a
// screen reader user can walk it like the spreadsheet. Apply is offered only when clean.
import { t } from '../i18n/i18n';
import type { ImportReport } from '../../server/csv/csv.schemas';

export function ReportView({ report, onApply }: { report: ImportReport; onApply: () => void }) {
  return (
    <section aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title">{t('import.report_title')}</h2>
      <p>{t('import.summary', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
      {report.errors.length > 0 ? (
        <table class="import-errors">
          <caption>{t('import.errors_title', { n: report.errors.length })}</caption>
          <thead><tr><th scope="col">{t('import.col_row')}</th><th scope="col">{t('import.col_column')}</th><th scope="col">{t('import.col_message')}</th></tr></thead>
          <tbody>
            {report.errors.map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.column || '–'}</td><td>{e.message}</td></tr>)}
          </tbody>
        </table>
      ) : (<>
        <p>{t('import.no_errors')}</p>
        <p><button type="button" class="button" onClick={onApply}>{t('import.apply', { n: report.rows })}</button></p>
      </>)}
    </section>
  );
}
