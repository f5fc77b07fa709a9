// The importer: parse → check every cell → check references and permissions → write all
// rows in ONE transaction, or nothing. A dry run does the whole write and rolls it back,
// so its counts are exactly what applying would do. Errors name row (as a spreadsheet
// numbers it, header = 1) and column (the header).
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.queries';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { parseCsv } from './csv.format';
import type { ImportRow, KindName, Progress, RowError } from './csv.kind';
import { kindByName } from './csv.registry';

export interface ImportReport {
  kind: KindName; dry_run: boolean; applied: boolean;
  rows: number; created: number; updated: number; unchanged: number;
  errors: RowError[];
}

const MAX_ERRORS = 1000;
class RollBack extends Error {}

export async function importCsv(
  db: Kysely<DB>, audience: Audience, name: KindName, text: string,
  options: { dryRun: boolean; onProgress?: Progress; /** Who the audit log names; null for the command line (no account). */ actor?: string | null },
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  const kind = kindByName(name);
  const report: ImportReport = { kind: name, dry_run: options.dryRun, applied: false, rows: 0, created: 0, updated: 0, unchanged: 0, errors: [] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ...report, errors: [{ row: parsed.row, column: '', message: parsed.message }] };
  report.rows = parsed.records.length;
  progress(`${report.rows} rijen gelezen`);

  // header: known columns only, each once, the required ones present
  const errors: RowError[] = [];
  const known = new Map(kind.columns.map((c) => [c.header, c]));
  parsed.header.forEach((h, i) => {
    if (!known.has(h)) errors.push({ row: 1, column: h || `kolom ${i + 1}`, message: `onbekende kolom; toegestaan: ${kind.columns.map((c) => c.header).join(', ')}` });
    else if (parsed.header.indexOf(h) !== i) errors.push({ row: 1, column: h, message: 'kolom staat er twee keer in' });
  });
  for (const c of kind.columns) if (c.required && !parsed.header.includes(c.header)) errors.push({ row: 1, column: c.header, message: 'verplichte kolom ontbreekt' });
  if (errors.length) return { ...report, errors };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of parsed.records) {
    if (record.values.length !== parsed.header.length) {
      errors.push({ row: record.row, column: '', message: `rij heeft ${record.values.length} kolommen, de kop ${parsed.header.length}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    parsed.header.forEach((h, i) => {
      const read = known.get(h)!.codec.read(record.values[i]!);
      if (read.ok) values[h] = read.value; else errors.push({ row: record.row, column: h, message: read.message });
    });
    const key = values.extern_id as string | undefined;
    if (key !== undefined) {
      const first = seen.get(key);
      if (first) errors.push({ row: record.row, column: 'extern_id', message: `${key} staat ook in rij ${first}` });
      else seen.set(key, record.row);
      rows.push({ row: record.row, key, values });
    }
    if (errors.length >= MAX_ERRORS) break;
  }
  progress(`${rows.length} rijen gecontroleerd`);
  const headers = new Set(parsed.header);
  const rowsWithCellErrors = new Set(errors.map((e) => e.row));
  const checked = await kind.check(db, audience, rows.filter((r) => !rowsWithCellErrors.has(r.row)), headers);
  errors.push(...checked.errors);
  if (errors.length) return { ...report, errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_ERRORS) };

  try {
    await db.transaction().execute(async (trx) => {
      const result = await kind.write(trx, checked.plan, headers, progress);
      report.created = result.created;
      report.updated = result.updated;
      if (options.dryRun) throw new RollBack();
      // Who imported what, in the same transaction (the rows' own before/after are in the file).
      await writeAudit(trx, {
        actorAccountId: options.actor !== undefined ? options.actor : audience.kind === 'anonymous' ? null : audience.accountId,
        action: 'csv.import', entityType: name,
        meta: { rows: report.rows, created: result.created, updated: result.updated, via: options.actor === null ? 'cli' : 'api' },
      });
    });
    report.applied = !options.dryRun;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  report.unchanged = report.rows - report.created - report.updated;
  progress(options.dryRun ? 'proefimport klaar: niets opgeslagen' : 'opgeslagen');
  return report;
}
