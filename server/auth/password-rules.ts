// The password policy's rules, without word lists: the server checks against every list
// (password-policy.ts, authoritative), the browser's strength meter against a light set
// (web/auth/strength.ts) so a phone is not sent megabytes to draw one meter. Browser-safe:
// no node imports, no config, nothing but zxcvbn-ts.
import { ZxcvbnFactory, type OptionsType, type ZxcvbnResult } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score 0..4; 3 = "safely unguessable" against an online/slow-hash attack. */
export const MIN_PASSWORD_SCORE = 3;
// Long inputs are expensive to match and are strong anyway; bounded so the check stays cheap.
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordReason =
  | 'password.too_short'
  | 'password.too_long'
  | 'password.too_weak'
  | 'password.common'
  | 'password.contains_personal_info';

export interface PasswordCheck {
  ok: boolean;
  /** zxcvbn score 0..4 (0 for inputs refused before scoring). */
  score: number;
  /** Message keys; texts in PASSWORD_MESSAGES (Dutch first, English second). */
  reasons: PasswordReason[];
}

export const PASSWORD_MESSAGES: Record<'nl' | 'en', Record<PasswordReason, string>> = {
  nl: {
    'password.too_short': `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`,
    'password.too_long': `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`,
    'password.too_weak': 'Dit wachtwoord is te makkelijk te raden. Gebruik bijvoorbeeld vier losse woorden.',
    'password.common': 'Dit wachtwoord of woord wordt veel gebruikt. Kies iets dat niet in een woordenboek staat.',
    'password.contains_personal_info': 'Gebruik niet uw naam of e-mailadres in uw wachtwoord.',
  },
  en: {
    'password.too_short': `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
    'password.too_long': `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`,
    'password.too_weak': 'This password is too easy to guess. Try four unrelated words, for example.',
    'password.common': 'This password or word is commonly used. Choose something not found in a dictionary.',
    'password.contains_personal_info': 'Do not use your name or email address in your password.',
  },
};

/** Splits "jan.de-vries@zorg.example.nl" into the words a person would reuse: jan, de, vries, zorg … */
export function personalWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const value = input.trim().toLowerCase();
    if (!value) continue;
    words.add(value);
    const [local] = value.split('@');
    if (local) words.add(local);
    // "Jan de Vries" is typed as JanDeVries: also the whole input without separators.
    words.add(value.replace(/[^\p{L}\p{N}]+/gu, ''));
    if (local) words.add(local.replace(/[^\p{L}\p{N}]+/gu, ''));
    for (const part of value.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

function reasonsFromMatches(result: ZxcvbnResult): PasswordReason[] {
  const reasons: PasswordReason[] = ['password.too_weak'];
  const dictionaryNames = result.sequence.map((m) => ('dictionaryName' in m ? String(m.dictionaryName) : ''));
  if (dictionaryNames.includes('userInputs')) reasons.push('password.contains_personal_info');
  if (dictionaryNames.some((name) => name && name !== 'userInputs')) reasons.push('password.common');
  return reasons;
}

/**
 * Checks a new password: at least MIN_PASSWORD_LENGTH characters and zxcvbn score ≥ 3 against
 * the common, English and Dutch dictionaries, with the user's own email/name penalised.
 */
export type PasswordChecker = (password: string, userInputs?: readonly string[]) => PasswordCheck;

/** The policy against a set of word lists, built on first use (ranking them takes tens of ms). */
export function passwordChecker(lists: () => Required<Pick<OptionsType, 'dictionary' | 'graphs'>>): PasswordChecker {
  let factory: ZxcvbnFactory | undefined;
  const zxcvbn = () => (factory ??= new ZxcvbnFactory({
    ...lists(),
    // Levenshtein matching made each check ~300 ms (too slow per keystroke) for little gain.
    useLevenshteinDistance: false,
    maxLength: MAX_PASSWORD_LENGTH,
  }));
  return (password, userInputs = []) => check(zxcvbn, password, userInputs);
}

function check(zxcvbn: () => ZxcvbnFactory, password: string, userInputs: readonly string[]): PasswordCheck {
  if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, score: 0, reasons: ['password.too_long'] };
  const personal = personalWords(userInputs);
  const result = zxcvbn().check(password, personal);
  let score: number = result.score;
  const reasons: PasswordReason[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) reasons.push('password.too_short');
  if (result.score < MIN_PASSWORD_SCORE) {
    for (const r of reasonsFromMatches(result)) if (!reasons.includes(r)) reasons.push(r);
  } else {
    // Someone who targets this account knows the name and email, so they add almost nothing:
    // "JanDeVries1980!" is only as strong as "1980!". Score what remains without them.
    const rest = withoutPersonalWords(password, personal);
    if (rest !== password) {
      score = Math.min(score, zxcvbn().check(rest).score);
      if (score < MIN_PASSWORD_SCORE) reasons.push('password.too_weak', 'password.contains_personal_info');
    }
  }
  return { ok: reasons.length === 0, score, reasons };
}

function withoutPersonalWords(password: string, personal: readonly string[]): string {
  let rest = password.toLowerCase();
  // Longest first, so "jandevries" goes before "jan" leaves "devries" behind.
  for (const word of [...personal].sort((a, b) => b.length - a.length)) {
    if (word.length >= 4) rest = rest.split(word).join('');
  }
  return rest === password.toLowerCase() ? password : rest;
}
