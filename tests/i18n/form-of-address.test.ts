// One form of address: Wijkweb says "u" wherever a person reads Dutch (residents and
// professionals alike), never "je", "jij" or "jouw". Checks every Dutch message file and
// the demo texts people read on person pages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_CONTACT_PEOPLE } from '../../seeds/demo/people-first-contact';
import { WELFARE_PEOPLE } from '../../seeds/demo/people-welfare';
import { CARE_PEOPLE } from '../../seeds/demo/people-care';

const WEB = new URL('../../web/', import.meta.url).pathname;
const INFORMAL = /\b(je|jij|jou|jouw|jezelf|jullie)\b/i;

function dutchMessageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return dutchMessageFiles(path);
    return /(^|\.)nl\.json$/.test(name) ? [path] : [];
  });
}

describe('form of address', () => {
  it('every Dutch message says "u", never je/jij/jouw', () => {
    const files = dutchMessageFiles(WEB);
    expect(files.length).toBeGreaterThan(5);
    const informal: string[] = [];
    for (const file of files) {
      for (const [key, text] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) {
        if (INFORMAL.test(text)) informal.push(`${file.slice(WEB.length)} ${key}: ${text}`);
      }
    }
    expect(informal).toEqual([]);
  });

  it('the demo people\'s "vraag mij over" texts say "u" too', () => {
    const texts = [...FIRST_CONTACT_PEOPLE, ...WELFARE_PEOPLE, ...CARE_PEOPLE].map((p) => (p as { ask?: string }).ask ?? '');
    expect(texts.filter(Boolean).length).toBeGreaterThan(10);
    expect(texts.filter((x) => INFORMAL.test(x))).toEqual([]);
  });
});
