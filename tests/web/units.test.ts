// Fast checks without a browser: both languages have the same keys and every key the code
// asks for; every team type has a badge; the router matches; Leaflet stays in its adapter.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app merges the search feature's own messages into each language (web/i18n/i18n.ts).
// The same merge as web/i18n/i18n.ts: the core file plus every feature's messages file.
function messages(lang: 'nl' | 'en'): Record<string, string> {
  const web = new URL('../../web/', import.meta.url).pathname;
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'dist') return [];
      return statSync(path).isDirectory() ? walk(path) : name === `messages.${lang}.json` ? [path] : [];
    });
  })(web).sort();
  return Object.assign(JSON.parse(readFileSync(join(web, `i18n/${lang}.json`), 'utf8')), ...files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
}
const nl = messages('nl');
const en = messages('en');
import { CATEGORY_COLOURS, typeAbbr } from '../../web/map/team-icons';
import { match } from '../../web/router';
import { TEAM_TYPES, TOPICS } from '../../seeds/taxonomy';
import { TILES } from '../../web/start/tiles';

const WEB = new URL('../../web/', import.meta.url).pathname;
function sources(dir = WEB): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('web: i18n, icons, router', () => {
  it('Dutch and English have exactly the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [k, v] of [...Object.entries(nl), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('every literal t("…") key in the code exists (plain, or as _one/_other)', () => {
    const missing: string[] = [];
    for (const file of sources()) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-z_]+\.[a-z0-9_.]+)'/g)) {
        const key = m[1]!;
        if (!(key in nl) && !(`${key}_one` in nl && `${key}_other` in nl)) missing.push(`${file.slice(WEB.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every language the residents\' filter and the team form offer in the messages, both languages', () => {
    // The page start never waits for Intl.DisplayNames' locale data (web/i18n/i18n.ts languageName).
    const offered = ['service-filters/ServiceFilters.tsx', 'edit/TeamEditPage.tsx'].flatMap((file) => {
      const list = /const (?:LANGUAGES|LANGUAGE_CHOICES) = \[([^\]]+)\]/.exec(readFileSync(join(WEB, file), 'utf8'))?.[1] ?? '';
      return [...list.matchAll(/'([a-z]{2,3})'/g)].map((m) => m[1]!);
    });
    expect(offered.length).toBeGreaterThan(20);
    for (const code of offered) {
      expect(nl[`language.${code}`], code).toMatch(/^[A-Z]/);
      expect(en[`language.${code}`], code).toMatch(/^[A-Z]/);
    }
  });

  it('has plain words for every access route, category, and start tile', () => {
    for (const a of ['walk_in', 'self_referral', 'gp_referral', 'district_team_referral', 'municipal_decision']) expect(nl).toHaveProperty([`access.${a}`]);
    expect((nl as Record<string, string>)['access.walk_in']).toBe('Zelf binnenlopen, zonder afspraak');
    for (const c of Object.keys(CATEGORY_COLOURS)) { expect(nl).toHaveProperty([`category.${c}`]); expect(nl).toHaveProperty([`category.${c}_hint`]); }
    const topics = new Set(TOPICS.map((x) => x.key));
    for (const tile of TILES) { expect(topics.has(tile.topic as never), tile.topic).toBe(true); expect(nl).toHaveProperty([`tiles.${tile.key}`]); }
  });

  it('gives every seeded team type its own short badge', () => {
    const abbrs = TEAM_TYPES.map((x) => typeAbbr(x.key));
    expect(new Set(abbrs).size).toBe(TEAM_TYPES.length);
    for (const a of abbrs) expect(a.length).toBeLessThanOrEqual(3);
  });

  it('matches routes and decodes params', () => {
    expect(match('/teams/:id', '/teams/abc')).toEqual({ id: 'abc' });
    expect(match('/gebieden/:code', '/gebieden/BU99010101')).toEqual({ code: 'BU99010101' });
    expect(match('/hulp/:topic', '/hulp/a%20b')).toEqual({ topic: 'a b' });
    expect(match('/teams/:id', '/teams')).toBeNull();
    expect(match('/', '/')).toEqual({});
  });

  it('imports Leaflet only in web/map/leaflet-adapter.ts', () => {
    const importers = sources().filter((f) => /from ['"]leaflet['"]|import\(['"]leaflet['"]\)/.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => f.slice(WEB.length))).toEqual(['map/leaflet-adapter.ts']);
  });
});
