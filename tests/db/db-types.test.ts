// server/db/types.ts is generated (npm run db:types). The check that it matches the migrations
// runs the script itself, which needs a PostgreSQL server to build its throwaway database on,
// so it is defined only when the suite runs on PostgreSQL. What codegen cannot see, the string
// unions written by hand for CHECK-constrained columns, is compared with the schema on both.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL } from '../helpers/db';

/** The string literals a column of the DB interface reads as, resolved by the compiler. */
function unionsOfColumns(columns: string[]): Map<string, string[] | undefined> {
  const program = ts.createProgram(['server/db/types.ts'], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const file = checker.getSymbolAtLocation(program.getSourceFile('server/db/types.ts')!)!;
  const db = checker.getDeclaredTypeOfSymbol(checker.getExportsOfModule(file).find((s) => s.name === 'DB')!);
  return new Map(columns.map((path) => {
    const [table, column] = path.split('.') as [string, string];
    const tableSymbol = db.getProperty(table);
    const columnSymbol = tableSymbol && checker.getTypeOfSymbol(tableSymbol).getProperty(column);
    if (!columnSymbol) return [path, undefined];
    const type = checker.getTypeOfSymbol(columnSymbol);
    const select = type.getProperty('__select__'); // a ColumnType<Select, Insert, Update>
    const read = select ? checker.getTypeOfSymbol(select) : type;
    const parts = read.isUnion() ? read.types : [read];
    return [path, parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value).sort() : undefined];
  }));
}

function check(...argv: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/db-types.ts', '--check', ...argv],
      { env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr }));
  });
}

if (TEST_DATABASE_URL) {
  describe('server/db/types.ts', () => {
    const work = mkdtemp(join(tmpdir(), 'wijkweb-db-types-'));
    afterAll(async () => { await rm(await work, { recursive: true, force: true }); });

    it('is what npm run db:types generates from the migrations', async () => {
      const r = await check();
      expect(r.output).toContain('up to date');
      expect(r.code).toBe(0);
    }, 90_000);

    it('fails the check when it differs, naming the lines', async () => {
      const doctored = join(await work, 'types.ts');
      const original = await readFile('server/db/types.ts', 'utf8');
      expect(original).toContain('  role: AccountRole;\n');
      await writeFile(doctored, original.replace('  role: AccountRole;\n', '  role: string;\n'));
      const r = await check('--file', doctored);
      expect(r.code).toBe(1);
      expect(r.output).toContain('out of date');
      expect(r.output).toContain('-   role: string;');
      expect(r.output).toContain('+   role: AccountRole;');
      expect(r.output).toContain('npm run db:types');
    }, 90_000);
  });
}

describe('columns held to a list of values by a CHECK constraint', () => {
  it('read as exactly that union of strings in server/db/types.ts', async () => {
    const database = await createTestDatabase();
    try {
      const { rows } = await sql<{ tbl: string; def: string }>`
        SELECT conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def
          FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`.execute(database.db);
      const lists = new Map<string, string[]>();
      for (const { tbl, def } of rows) {
        const match = /^CHECK \(\((\w+) = (?:ANY \(ARRAY\[(.*)\]\)|('[^']*'::text))\)\)$/.exec(def);
        if (match) lists.set(`${tbl}.${match[1]}`, [...(match[2] ?? match[3]!).matchAll(/'([^']*)'::text/g)].map((m) => m[1]!).sort());
      }
      expect(lists.get('areas.kind')).toEqual(['buurt', 'gemeente', 'wijk']); // the parsing itself works
      const unions = unionsOfColumns([...lists.keys()]);
      for (const [column, values] of lists) expect({ column, values: unions.get(column) }).toEqual({ column, values });
    } finally {
      await database.close();
    }
  }, 60_000);
});
