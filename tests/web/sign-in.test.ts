// The sign-in form in real Chromium: it always offers the optional code field, answers a right
// password without the code exactly like a wrong password (one message, same page, no new
// field appearing), signs in with the code typed as the app shows it ("123 456"), and axe
// finds nothing on it.
import type { Page } from 'playwright-core';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../helpers/auth';
import { axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { totpCode } from '../helpers/totp';

const EMAIL = 'tweestaps@signin.test';
const PW = 'paard-fiets-wolk-lepel';
const MESSAGE = /e-mailadres, het wachtwoord of de code klopt niet/i;

describeBrowser('web: sign-in with an optional code', () => {
  let b: BrowserApp;
  let page: Page;
  const secret = new Secret({ size: 20 }).base32;

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    const id = await createAccount(db, { email: EMAIL, role: 'editor', password: PW });
    await db.updateTable('accounts').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('id', '=', id).execute();
    page = await b.newPage();
  });
  afterAll(async () => { await b?.close(); });

  async function attempt(password: string, code = ''): Promise<void> {
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByLabel(/Code uit uw authenticator-app/).fill(code);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  const fieldIds = () => page.locator('[data-testid="signin-page"] form input').evaluateAll((els) => els.map((e) => e.id));

  it('always shows the optional code field, and axe finds nothing', async () => {
    await page.goto(`${b.baseUrl}/inloggen?next=/account`);
    const code = page.getByLabel(/Code uit uw authenticator-app/);
    await code.waitFor();
    expect(await code.getAttribute('required')).toBeNull();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await fieldIds()).toEqual(['email', 'password', 'code']);
    const result = await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('says the same for a right password without the code as for a wrong password', async () => {
    await attempt('niet-het-goede-wachtwoord');
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: MESSAGE }).waitFor();
    const wrongPassword = await alert.textContent();
    const fieldsAfterWrong = await fieldIds();

    await page.evaluate(() => document.querySelector('[role="alert"]')?.remove());
    await attempt(PW);
    await alert.filter({ hasText: MESSAGE }).waitFor();
    expect(await alert.textContent()).toBe(wrongPassword);
    expect(await fieldIds()).toEqual(fieldsAfterWrong);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
  });

  it('signs in with the code typed as the app shows it', async () => {
    const code = totpCode(secret, new Date());
    await attempt(PW, `${code.slice(0, 3)} ${code.slice(3)}`);
    await page.waitForFunction(() => location.pathname === '/account');
    await page.getByTestId('account-page').waitFor();
  });
});
