// One definition per primitive: the id, taxonomy-key and e-mail patterns are written once,
// in server/http/schemas.ts, and every schema, CSV cell and HSDS record uses that one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN, KEY_PATTERN, UUID_PATTERN } from '../../server/http/schemas';
import { ROOT } from './imports';

const HOME = 'server/http/schemas.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('primitives', () => {
  it.each([['UUID', UUID_PATTERN], ['taxonomy key', KEY_PATTERN], ['e-mail', EMAIL_PATTERN]])('writes the %s pattern once', (_name, pattern) => {
    const again = [...sources('server'), ...sources('web')]
      .filter((file) => file !== HOME && readFileSync(join(ROOT, file), 'utf8').includes(pattern.source));
    expect(again).toEqual([]);
  });
});
