// All demo people in one list, and the values derived from a person's name: the slug
// (stable id key and portrait name), the work e-mail address and a unique 06 number.
import { stableUnit } from '../ids';
import { CARE_PEOPLE } from './people-care';
import { FIRST_CONTACT_PEOPLE } from './people-first-contact';
import { WELFARE_PEOPLE } from './people-welfare';
import type { TeamKey } from './teams';
import type { PersonSeed } from './types';

export const PEOPLE: readonly PersonSeed<TeamKey>[] = [...FIRST_CONTACT_PEOPLE, ...CARE_PEOPLE, ...WELFARE_PEOPLE];

// Letters that Unicode does not decompose into base letter + accent.
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', đ: 'd' };

/** Lower-case ASCII: "Yılmaz" → "yilmaz", "Daniëlle" → "danielle". */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøßæđ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** "Marieke van der Linden" → "marieke-van-der-linden" (matches ^[a-z0-9-]{1,64}$). */
export function personSlug(person: Pick<PersonSeed, 'given' | 'family'>): string {
  return asciiFold(`${person.given} ${person.family}`).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** voornaam.achternaam@domain, particles joined: "marieke.vanderlinden@…". */
export function workEmail(person: Pick<PersonSeed, 'given' | 'family'>, domain: string): string {
  const part = (text: string) => asciiFold(text).replace(/[^a-z0-9]+/g, '');
  return `${part(person.given)}.${part(person.family)}@${domain}`;
}

/** A deterministic 06 number per slug, in 06-12345678 style; `taken` keeps them unique. */
export function mobileNumber(slug: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const digits = Math.floor(stableUnit(`mobile:${slug}:${attempt}`) * 1e8).toString().padStart(8, '0');
    const number = `06-${digits}`;
    if (!taken.has(number)) {
      taken.add(number);
      return number;
    }
  }
}
