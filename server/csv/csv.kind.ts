// What every importable/exportable kind (organisations, teams, locations, people) tells
// the generic exporter and importer: its columns, how to read them for an audience, how
// to check references and permissions, and how to write a validated file.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import type { Codec } from './csv.values';

export const KINDS = ['organisations', 'teams', 'locations', 'people', 'pathways'] as const;
export type KindName = (typeof KINDS)[number];

interface Column {
  /** Dutch header, lower case, documented in server/csv/FORMAT.md. */
  header: string;
  codec: Codec<any>;
  /** Must be in every import file (extern_id and the fields a new row cannot do without). */
  required?: boolean;
  /** Meaning, for the table in server/csv/FORMAT.md. */
  doc: string;
}

export interface RowError { row: number; column: string; message: string }
/** One data row read from a file: spreadsheet row number plus values by header. */
export interface ImportRow { row: number; key: string; values: Record<string, any> }

export interface Progress { (message: string): void }

export interface WriteResult { created: number; updated: number }

export interface Kind {
  name: KindName;
  /** Every column the importer accepts, in export order. */
  columns: Column[];
  /** The headers an export for this audience carries (people: per visibility). */
  exportHeaders(audience: Audience): string[];
  /** Export rows as cells in `exportHeaders` order, sorted independently of ids. */
  exportRows(db: Kysely<DB>, audience: Audience): Promise<string[][]>;
  /** References and permissions; returns errors, and a plan for `write` when there are none. */
  check(db: Kysely<DB>, audience: Audience, rows: ImportRow[], headers: Set<string>): Promise<{ errors: RowError[]; plan: unknown }>;
  /** Writes a checked file inside the caller's transaction. */
  write(trx: Kysely<DB>, plan: unknown, headers: Set<string>, progress: Progress): Promise<WriteResult>;
}

/** The key a row is exported under: its external id, or else its Wijkweb id. */
export const exportKey = (r: { id: string; external_id: string | null }) => r.external_id ?? r.id;

/** Byte order, not locale order: the same on every machine, so exports are reproducible. */
export const byCells = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};
