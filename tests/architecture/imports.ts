// The import graph of server/**, read from the source text: which file imports which (relative
// imports only; packages are not part of the floors). Type-only imports count too: a type
// that points up ties the floors as much as a value does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ImportEdge { from: string; to: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of every .ts file under `dir`, as paths from the repository root. */
export function importsUnder(dir: string): ImportEdge[] {
  return sourceFiles(dir).flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '')
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from: file, to: resolveFile(join(dirname(file), spec)) }));
  });
}

/** An import's target as the file it names: `./x` is `x.ts`, `x.tsx` or `x/index.ts`. */
function resolveFile(path: string): string {
  const bare = path.replace(/\.js$/, '');
  const found = [bare, `${bare}.ts`, `${bare}.tsx`, join(bare, 'index.ts')]
    .find((candidate) => /\.tsx?$/.test(candidate) && existsSync(join(ROOT, candidate)));
  return relative(ROOT, join(ROOT, found ?? bare));
}

/** The folder right under server/ a path lies in ('' for server/*.ts itself, 'seeds' outside). */
export function serverFolder(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'server') return parts[0]!;
  return parts.length > 2 ? parts[1]! : '';
}

/** The cycles of a directed graph (strongly connected parts with more than one node). */
export function cycles(edges: ReadonlyArray<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>(); const low = new Map<string, number>();
  const stack: string[] = []; const onStack = new Set<string>(); const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter); low.set(v, counter); counter++; stack.push(v); onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); part.push(w); } while (w !== v);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
