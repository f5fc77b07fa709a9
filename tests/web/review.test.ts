// "Te controleren" in a real browser: the demo editor signs in through the form, opens the
// list (stalest first), clicks "Klopt nog" on the first row, and the row leaves the list —
// also after a reload, because the server now counts it as checked. axe: nothing serious.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { getJson } from '../helpers/app';
import { describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { ageFixture, type ReviewFixture } from '../helpers/review-fixture';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

describeBrowser('web: te controleren', () => {
  let b: BrowserApp;
  let page: Page;
  let fx: ReviewFixture;

  beforeAll(async () => {
    b = await startBrowserApp();
    fx = await ageFixture(b.testApp.database.db, new Date());
    page = await b.newPage();
  });
  afterAll(async () => { await b?.close(); });

  it('signs in, confirms the stalest entry with "Klopt nog", and it leaves the list', async () => {
    await page.goto(`${b.baseUrl}/inloggen?next=${encodeURIComponent('/te-controleren')}`);
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.editor.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForSelector('[data-testid="account-button"]');
    // through the header, where the count waits on every page
    await page.getByTestId('review-nav').click();
    await page.waitForSelector('[data-testid="review-row"]');
    expect(await page.locator('h1').textContent()).toBe('Te controleren');

    const rows = page.getByTestId('review-row');
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([fx.teams.hidden.id, fx.people.hidden.id])); // stalest first
    expect(ids).toContain(fx.teams.stale.id);
    expect(ids).not.toContain(fx.teams.fresh.id);
    expect(await seriousViolations(page)).toEqual([]);

    const first = ids[0]!;
    await rows.first().getByRole('button', { name: /Klopt nog/ }).click();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="review-row"][data-id="${id}"]`), first);
    expect(await page.getByTestId('review-row').count()).toBe(ids.length - 1);
    // focus stays in the list: on the next row's button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Klopt nog');

    await page.reload();
    await page.waitForSelector('[data-testid="review-row"]');
    const after = await page.getByTestId('review-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(after).not.toContain(first);
    expect(after.length).toBe(ids.length - 1);
    // and residents see it again, fresh
    const collection = first === fx.teams.hidden.id ? 'teams' : 'people';
    expect((await getJson(b.testApp.app, `/api/${collection}/${first}`)).status).toBe(200);
  });

  it('marks a stale team on its page and shows its history to the editor', async () => {
    await page.goto(`${b.baseUrl}/teams/${fx.teams.stale.id}`);
    await page.waitForSelector('[data-testid="stale-mark"]');
    await page.getByText('Geschiedenis').click();
    await page.waitForSelector('[data-testid="history-list"], .history p');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
