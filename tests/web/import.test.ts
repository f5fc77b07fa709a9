// The editor's import screen as a resident reaches it: no form, a clear "log in als
// redacteur", no serious axe violations; and the server refuses an anonymous upload.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

describeBrowser('web: import screen', () => {
  let b: BrowserApp;
  let page: Page;
  beforeAll(async () => { b = await startBrowserApp(); page = await b.newPage(); });
  afterAll(async () => { await b?.close(); });

  it('asks an anonymous visitor to sign in as an editor and shows no upload form', async () => {
    await page.goto(`${b.baseUrl}/importeren`);
    await page.waitForSelector('[data-testid="import-sign-in"]');
    expect(await page.textContent('[data-testid="import-sign-in"]')).toContain('Log in als redacteur');
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    const upload = await page.request.post(`${b.baseUrl}/api/import/teams.csv?dry_run=1`, { headers: { 'content-type': 'text/csv' }, data: 'extern_id;naam\r\n' });
    expect(upload.status()).toBe(401);
  });

  it('offers the verwijsroutes to an admin (with their export to start from), not to an editor', async () => {
    const kinds = async (account: { email: string; password: string }) => {
      const context = await page.context().browser()!.newContext();
      const p = await context.newPage();
      await p.goto(`${b.baseUrl}/inloggen?next=${encodeURIComponent('/importeren')}`);
      await p.fill('#email', account.email);
      await p.fill('#password', account.password);
      await p.getByRole('button', { name: 'Inloggen' }).click();
      await p.waitForSelector('input[name="kind"]');
      const values = await p.locator('input[name="kind"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      if (values.includes('pathways')) {
        await p.getByLabel('Verwijsroutes').check();
        expect(await p.locator('a[download]').getAttribute('href')).toBe('/api/export/pathways.csv');
      }
      await context.close();
      return values;
    };
    expect(await kinds(DEMO_ACCOUNTS.admin)).toEqual(['organisations', 'locations', 'teams', 'people', 'pathways']);
    expect(await kinds(DEMO_ACCOUNTS.editor)).toEqual(['organisations', 'locations', 'teams', 'people']);
  });
});
