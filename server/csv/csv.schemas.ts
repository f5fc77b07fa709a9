import { z } from 'zod';
import { KINDS } from './csv.kind';

export const KindParams = z.object({ kind: z.enum(KINDS).describe('organisations, teams, locations, people or pathways') });
export const ImportQuery = z.object({
  dry_run: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true')
    .describe('1: check and count only, change nothing'),
});
export const ImportBody = z.string().describe('The CSV file (text/csv; UTF-8, `;` or `,`)');
const RowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ImportReport = z.object({
  kind: z.enum(KINDS), dry_run: z.boolean(), applied: z.boolean(),
  rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(),
  errors: z.array(RowError),
});
export type ImportReport = z.infer<typeof ImportReport>;
