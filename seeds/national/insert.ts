// Bulk inserts for the national data set: one INSERT … SELECT FROM unnest(arrays) per
// batch, so a batch of 5,000 rows costs a handful of bind parameters (one array per
// column) instead of 5,000 × columns, and PostgreSQL parses one short statement.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/types';

/** A column: its name, the SQL type of its unnest() array, and an optional cast after unnest. */
export interface ColumnSpec { name: string; type: 'text' | 'uuid' | 'float8' | 'int4' | 'bool'; cast?: string }

export class BulkInserter {
  private columns: unknown[][];
  private pending = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly table: keyof DB & string,
    private readonly spec: readonly ColumnSpec[],
    private readonly onFlush: (rows: number) => void,
    private readonly batchSize = 5_000,
  ) {
    this.columns = spec.map(() => []);
  }

  async add(row: readonly unknown[]): Promise<void> {
    row.forEach((value, i) => this.columns[i]!.push(value));
    if (++this.pending >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const arrays = this.spec.map((c, i) => sql`${this.columns[i]}::${sql.raw(c.type)}[]`);
    const names = this.spec.map((c) => sql.ref(c.name));
    const values = this.spec.map((c) => (c.cast ? sql`${sql.ref(`u.${c.name}`)}::${sql.raw(c.cast)}` : sql.ref(`u.${c.name}`)));
    await sql`INSERT INTO ${sql.table(this.table)} (${sql.join(names)})
      SELECT ${sql.join(values)} FROM unnest(${sql.join(arrays)}) AS u(${sql.join(names)})`.execute(this.db);
    const rows = this.pending;
    this.columns = this.spec.map(() => []);
    this.pending = 0;
    this.onFlush(rows);
  }
}
