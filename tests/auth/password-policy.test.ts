// The password policy on its own: pure function, same module the web app loads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPassword, MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES, personalWords } from '../../server/auth/password-policy';

const jan = ['jan.devries@zorg.example.nl', 'Jan de Vries'];

describe('checkPassword', () => {
  it('refuses passwords shorter than the minimum, however random', async () => {
    const r = await checkPassword('Xq7#vL9!pZ', jan);
    expect(r.ok).toBe(false);
    expect(r.reasons).toContain('password.too_short');
    expect(MIN_PASSWORD_LENGTH).toBe(12);
  });

  it('refuses common passwords of sufficient length', async () => {
    for (const pw of ['password1234', 'qwertyuiop123', '123456789012']) {
      const r = await checkPassword(pw);
      expect(r.ok, pw).toBe(false);
      expect(r.reasons, pw).toContain('password.too_weak');
      expect(r.score, pw).toBeLessThan(3);
    }
  });

  it('refuses single Dutch words and Dutch words with digits (Dutch dictionary is loaded)', async () => {
    for (const pw of ['Fietsenstalling', 'wachtwoord123!', 'Welkom123456']) {
      const r = await checkPassword(pw);
      expect(r.ok, pw).toBe(false);
      expect(r.reasons, pw).toContain('password.common');
    }
  });

  it('refuses passwords built on the user’s own name or email', async () => {
    for (const pw of ['JanDeVries1980!', 'devries19801980', 'jan.devries@zorg']) {
      const r = await checkPassword(pw, jan);
      expect(r.ok, pw).toBe(false);
      expect(r.reasons, pw).toContain('password.contains_personal_info');
    }
    // The same shape without the personal link is not refused for that reason.
    expect((await checkPassword('JanDeVries1980!', ['piet@example.nl'])).reasons).not.toContain('password.contains_personal_info');
  });

  it('accepts a strong passphrase', async () => {
    for (const pw of ['paard-fiets-wolk-lepel', 'correct horse battery staple']) {
      const r = await checkPassword(pw, jan);
      expect(r, pw).toEqual({ ok: true, score: expect.any(Number), reasons: [] });
      expect(r.score).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses absurdly long input without scoring it', async () => {
    expect((await checkPassword('a'.repeat(10_000))).reasons).toEqual(['password.too_long']);
  });

  it('has a Dutch and an English text for every reason', async () => {
    const keys = ['password.too_short', 'password.too_long', 'password.too_weak', 'password.common', 'password.contains_personal_info'];
    for (const lang of ['nl', 'en'] as const) expect(Object.keys(PASSWORD_MESSAGES[lang]).sort()).toEqual(keys.sort());
  });

  it('splits names and addresses into the words people reuse', async () => {
    expect(personalWords(jan)).toEqual(expect.arrayContaining(['jandevries', 'devries', 'vries', 'zorg']));
  });
});

describe('browser safety', () => {
  it('imports nothing but zxcvbn-ts (and its own rules), so the web app can load it', async () => {
    for (const file of ['password-policy.ts', 'password-rules.ts']) {
      const source = readFileSync(new URL(`../../server/auth/${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(imports.length).toBeGreaterThan(0);
      for (const from of imports) expect(from).toMatch(/^(@zxcvbn-ts\/|\.\/password-rules$)/);
    }
  });
});
