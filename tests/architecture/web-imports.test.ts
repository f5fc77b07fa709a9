// web/ runs in the browser: of the server it may import types freely, but values only from
// the few modules web/README.md names (write schemas, their field primitives, the password
// policy). A value import of anything else would pull server code (or Node) into the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importsUnder, ROOT } from './imports';

const ALLOWED = [
  'server/auth/password-policy.ts',
  'server/auth/password-rules.ts',
  'server/editing/editing.fields.ts',
  'server/http/schemas.ts',
  'server/memberships/memberships.schemas.ts',
  'server/people/people.write-schemas.ts',
  'server/services/services.write-schemas.ts',
  'server/teams/teams.write-schemas.ts',
];

const edges = [...importsUnder('web'), ...importsUnder('server')];

/** Whether every import of `edge.to` in `edge.from` is `import type` (erased at build). */
function typeOnly(edge: ImportEdge): boolean {
  const text = readFileSync(join(ROOT, edge.from), 'utf8');
  const name = edge.to.replace(/\.tsx?$/, '').split('/').pop()!;
  const lines = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)]
    .filter((m) => m[1]!.replace(/\.js$/, '').endsWith(`/${name}`));
  return lines.length > 0 && lines.every((m) => /^import type\s/.test(m[0]));
}

/** Every server file web reaches through value imports, directly or through other server files. */
function serverValuesReachedFromWeb(): string[] {
  const queue = edges.filter((e) => e.from.startsWith('web/') && e.to.startsWith('server/') && !typeOnly(e)).map((e) => e.to);
  const reached = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const e of edges) if (e.from === file && !typeOnly(e)) queue.push(e.to);
  }
  return [...reached].sort();
}

describe('what the web app takes from the server', () => {
  it('imports as values only the modules web/README.md names', () => {
    const reached = serverValuesReachedFromWeb();
    expect(reached.length).toBeGreaterThan(0); // the edit forms do use the schemas
    expect(reached.filter((file) => !ALLOWED.includes(file))).toEqual([]);
  });
});
