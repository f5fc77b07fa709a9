// Every feature's messages.{nl,en}.json: the same keys in Dutch and English, none empty, none
// overriding the shared dictionaries (a feature's key would silently win for the whole app),
// and no key defined by two features. Dutch first, English second, for every string.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = new URL('../../web/', import.meta.url).pathname;
const read = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));
const features = readdirSync(WEB, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'dist' && d.name !== 'i18n')
  .map((d) => d.name)
  .filter((name) => readdirSync(join(WEB, name)).includes('messages.nl.json'));

describe('feature messages', () => {
  const shared = { ...read(join(WEB, 'i18n/nl.json')), ...read(join(WEB, 'i18n/en.json')) };
  it.each(features)('%s: Dutch and English alike, none empty, none overriding the shared words', (name) => {
    const nl = read(join(WEB, name, 'messages.nl.json'));
    const en = read(join(WEB, name, 'messages.en.json'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [k, v] of [...Object.entries(nl), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
    expect(Object.keys(nl).filter((k) => k in shared)).toEqual([]);
  });

  it('no key is defined by two features', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const name of features) {
      for (const k of Object.keys(read(join(WEB, name, 'messages.nl.json')))) {
        if (owner.has(k)) twice.push(`${k}: ${owner.get(k)} and ${name}`);
        owner.set(k, name);
      }
    }
    expect(twice).toEqual([]);
  });
});
