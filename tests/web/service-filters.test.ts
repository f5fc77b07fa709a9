// A resident on a phone narrows "schulden" to help that is open now and free, with the
// keyboard only, reads why each result matches, and can share the address of that view.
// The server's clock is set to a Tuesday morning, so "Nu open" is the same on every run.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserApp, axeBuilder, describeBrowser, startBrowserApp } from '../helpers/browser';

const WAIT = 60_000;
const TUESDAY_10_00 = new Date('2026-12-08T09:00:00Z'); // 10:00 in Amsterdam
let browser: BrowserApp;

async function focusWithTab(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

const results = (page: Page) => page.locator('[data-testid="search-results"] > li');

describeBrowser('web: residents filter search results', () => {
  beforeAll(async () => {
    browser = await startBrowserApp();
    browser.testApp.app.clock = () => TUESDAY_10_00;
  });
  afterAll(async () => { await browser?.close(); });

  it('filters "schulden" to Nu open and Gratis by keyboard and says why each matches; axe finds nothing', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${browser.baseUrl}/zoeken?q=schulden`);
    await results(page).first().waitFor({ timeout: WAIT });
    const before = await results(page).count();

    await focusWithTab(page, 'nu_open');
    await page.keyboard.press('Space');
    await page.waitForURL(/nu_open=1/, { timeout: WAIT });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="match-reasons"]').length > 0, null, { timeout: WAIT });
    // Focus stays on the box the resident just ticked, so the next one is one Tab away.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('nu_open');
    await focusWithTab(page, 'gratis', 5);
    await page.keyboard.press('Space');
    await page.waitForURL(/gratis=1/, { timeout: WAIT });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="search-results"] > li')]
      .every((li) => li.textContent!.includes('gratis')), null, { timeout: WAIT });

    const items = await results(page).evaluateAll((lis) => lis.map((li) => ({
      name: li.querySelector('h3 a')!.textContent, why: [...li.querySelectorAll('.match-reasons__item')].map((s) => s.textContent) })));
    expect(items.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual([
      { name: 'Schuldhulpverlening Lindeburg', why: ['open tot 12.00', 'gratis'] },
      { name: 'Sociaal Wijkteam Centrum', why: ['open tot 12.00', 'gratis'] },
    ]);
    expect(items.length).toBeLessThan(before);
    expect(await page.locator('[data-testid="results-count"]').textContent()).toContain('2 resultaten');

    const axe = await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    // The address is the view: opened afresh it shows the same filtered results, boxes ticked.
    const shared = await browser.newPage({ width: 390, height: 844 });
    await shared.goto(page.url());
    await shared.locator('[data-testid="match-reasons"]').first().waitFor({ timeout: WAIT });
    expect(await results(shared).count()).toBe(2);
    expect(await shared.locator('input[name="nu_open"]').isChecked()).toBe(true);
    expect(await shared.locator('input[name="gratis"]').isChecked()).toBe(true);
    await shared.close();
    await page.close();
  });

  it('the map takes the same filters: only matching teams get a marker, the list says why', async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    const markers = page.waitForResponse((r) => r.url().includes('/api/map/markers') && r.url().includes('free=1'), { timeout: WAIT });
    await page.goto(`${browser.baseUrl}/kaart?nu_open=1&gratis=1`);
    const answer = await (await markers).json() as { items: [number, number, string][]; clusters?: unknown[] };
    const matching = (await browser.testApp.app.inject({ url: '/api/teams?open_now=1&free=1&per_page=100' })).json().items.map((t: { id: string }) => t.id);
    expect(answer.clusters ?? []).toEqual([]);
    expect(answer.items.length).toBeGreaterThan(0);
    for (const [, , teamId] of answer.items) expect(matching).toContain(teamId);
    const all = (await browser.testApp.app.inject({ url: '/api/teams?per_page=100' })).json().total;
    expect(matching.length).toBeLessThan(all);

    const list = page.locator('[data-testid="result-list"] li');
    await page.locator('[data-testid="result-list"] [data-testid="match-reasons"]').first().waitFor({ timeout: WAIT });
    const reasons = await list.evaluateAll((lis) => lis.map((li) => li.querySelector('[data-testid="match-reasons"]')?.textContent ?? ''));
    expect(reasons.length).toBeGreaterThan(0);
    for (const why of reasons) expect(why).toMatch(/open tot .*gratis|gratis.*open tot/);
    expect(await page.locator('input[name="gratis"]').isChecked()).toBe(true);
    await page.close();
  });
});
