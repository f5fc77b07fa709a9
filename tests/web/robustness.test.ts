// When a part of the app cannot be shown, the browser gets an error page with a working
// reload button instead of a blank app: a lazy chunk that fails to load, an address with a
// malformed %-sequence. And axe-core 4.14.1 (not the 4.13 @axe-core/playwright bundles)
// finds no serious or critical violation, the brand link's label-in-name included.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

async function seriousViolations(builder: AxeBuilder) {
  const result = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return {
    version: result.testEngine.version,
    serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`),
  };
}

/** Clicks the reload button and proves the page really reloaded (a marker on window is gone). */
async function clickReload(page: Page, lang: 'nl' | 'en' = 'nl') {
  await page.evaluate(() => { (window as unknown as { beforeReload: boolean }).beforeReload = true; });
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: lang === 'nl' ? 'Pagina opnieuw laden' : 'Reload the page' }).click(),
  ]);
  expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload)).toBeUndefined();
}

describeBrowser('robustness of the web app', () => {
  let b: BrowserApp;
  beforeAll(async () => { b = await startBrowserApp(); });
  afterAll(async () => { await b?.close(); });

  it('shows an error page with a working reload button when the map chunk fails to load', async () => {
    const page = await b.newPage();
    const chunk = '**/assets/MapView-*.js';
    let aborted = 0;
    await page.route(chunk, (route) => { aborted++; return route.abort('connectionreset'); });
    await page.goto(`${b.baseUrl}/kaart`);
    const heading = page.getByRole('heading', { level: 1, name: 'Deze pagina kan niet worden getoond' });
    await heading.waitFor();
    expect(aborted).toBeGreaterThan(0);
    expect(await page.getByRole('alert').filter({ hasText: 'kon niet worden geladen' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1'); // heard at once
    // the header and the way home are still there
    expect(await page.getByRole('link', { name: /^Wijkweb/ }).count()).toBe(1);
    expect((await seriousViolations(new AxeBuilder({ page }))).serious).toEqual([]);
    // the network is back: reload shows the map
    await page.unroute(chunk);
    await clickReload(page);
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Deze pagina' }).first().waitFor();
    expect(await page.locator('[data-testid="error-page"]').count()).toBe(0);
    await page.close();
  });

  it('shows the error page, in English too, for an address with a malformed %-sequence', async () => {
    const page = await b.newPage();
    const res = await page.goto(`${b.baseUrl}/%E0%A4%A`);
    expect(res?.status()).toBe(400);
    await page.getByRole('heading', { level: 1, name: 'Deze pagina kan niet worden getoond' }).waitFor();
    expect(await page.getByText('Het adres van deze pagina klopt niet').count()).toBe(1);
    await clickReload(page); // reloads (the address is still wrong, so the same page comes back)
    await page.getByRole('heading', { level: 1, name: 'Deze pagina kan niet worden getoond' }).waitFor();
    await page.goto(`${b.baseUrl}/teams/%E0%A4%A?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'This page cannot be shown' }).waitFor();
    await clickReload(page, 'en');
    // and the way out works
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'To the start page' }).last().click()]);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('runs axe-core 4.14 in every axe check, and the start page has no serious or critical violation', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/?lang=nl`); // the choice of English above is remembered otherwise
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // a plain AxeBuilder (as the other browser tests make them) and the helper's both run 4.14.x
    const plain = await seriousViolations(new AxeBuilder({ page }));
    const helper = await seriousViolations(axeBuilder(page));
    expect(plain.version).toMatch(/^4\.14\./);
    expect(helper.version).toMatch(/^4\.14\./);
    expect(plain.serious).toEqual([]);
    // the brand link's name starts with what it shows (WCAG 2.5.3)
    const brand = page.locator('header a.brand');
    expect(await brand.ariaSnapshot()).toMatch(/- link "Wijkweb\s*,\s*naar de startpagina"/);
    expect(await brand.getAttribute('aria-label')).toBeNull();
    expect(await brand.locator('.brand__name').innerText()).toBe('Wijkweb'); // what it shows begins its name
    await page.close();
  });
});
