// A resident's tasks on a 390×844 phone, done the way a person does them: typing in the
// header search box and tapping. (1) Danger first: "ik wil dood" puts 113 above everything
// else, big and tap-able, never a bare "try another word". (2) From the start page to a
// phone number for "schulden", counting taps and seconds (printed for the closing note).
// Screenshots go to SHOTS_DIR (outside the repository) when it is set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserApp, axeBuilder, describeBrowser, startBrowserApp } from '../helpers/browser';

const PHONE = { width: 390, height: 844 };
const WAIT = 60_000; // a busy two-core machine: generous waits, never fixed sleeps
const SHOTS = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-${process.env.SHOTS_LABEL ?? 'after'}.png`) });
}

async function typeInHeaderSearch(page: Page, text: string) {
  const box = page.locator('#zoek-invoer');
  await box.click();
  await box.pressSequentially(text);
}

describeBrowser('web: a resident on a phone', () => {
  let browser: BrowserApp;
  beforeAll(async () => { browser = await startBrowserApp(); });
  afterAll(async () => { await browser?.close(); });

  it('typing "ik wil dood" shows 113 at once, and the results page starts with it', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${browser.baseUrl}/`);
    await typeInHeaderSearch(page, 'ik wil dood');
    // The suggestions already say where to call, before Enter.
    const quick = page.getByTestId('search-crisis');
    await quick.waitFor({ timeout: WAIT });
    expect(await quick.locator('a[href="tel:113"]').count()).toBe(1);
    await shot(page, 'danger-suggestions');

    await page.locator('#zoek-invoer').press('Enter');
    await page.waitForURL(/\/zoeken\?q=/, { timeout: WAIT });
    const block = page.locator('main [data-testid="crisis-block"]');
    await block.waitFor({ timeout: WAIT });
    await page.getByTestId('results-count').waitFor({ timeout: WAIT });
    await shot(page, 'danger-results');

    // First after the heading: nothing but the title and the form stand above it.
    const order = await page.evaluate(() => {
      const crisis = document.querySelector('main [data-testid="crisis-block"]')!;
      const results = document.querySelector('[data-testid="results-count"]')!;
      return { before: Boolean(crisis.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING), top: crisis.getBoundingClientRect().top };
    });
    expect(order.before).toBe(true);
    expect(order.top).toBeLessThan(PHONE.height); // seen without scrolling

    // 113 and 0800-0113 as big tap targets (at least 44 px high), in plain words.
    const targets = await block.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => ({
      href: a.getAttribute('href'), height: a.getBoundingClientRect().height, width: a.getBoundingClientRect().width,
    })));
    expect(targets.map((x) => x.href)).toEqual(expect.arrayContaining(['tel:113', 'tel:08000113']));
    for (const target of targets) expect(target.height, target.href!).toBeGreaterThanOrEqual(44);
    expect(await block.innerText()).toMatch(/gratis/i);
    // Never "try another word" to someone thinking of suicide.
    expect(await page.locator('main').innerText()).not.toMatch(/Probeer een ander woord/);

    const axe = await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.close();
  });

  it('a topic that signals danger (huiselijk geweld) opens with Veilig Thuis', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${browser.baseUrl}/hulp/domestic_violence`);
    const block = page.locator('main [data-testid="crisis-block"]');
    await block.waitFor({ timeout: WAIT });
    expect(await block.locator('a[href="tel:08002000"]').count()).toBe(1);
    await page.close();
  });

  it('from the start page to a phone number for "schulden": taps and seconds', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${browser.baseUrl}/`);
    await page.locator('#zoek-invoer').waitFor({ timeout: WAIT });
    const started = Date.now();
    let taps = 0;
    await page.locator('#zoek-invoer').click(); taps++;
    await page.locator('#zoek-invoer').pressSequentially('schulden');
    await page.locator('#zoek-invoer').press('Enter'); taps++;
    // The first team result carries its public phone number: no second click.
    const phone = page.locator('[data-testid="search-results"] li[data-kind="team"] a[href^="tel:"]').first();
    await phone.waitFor({ timeout: WAIT });
    const seconds = (Date.now() - started) / 1000;
    const number = (await phone.innerText()).trim();
    const how = await page.locator('[data-testid="search-results"] li[data-kind="team"]').first().innerText();
    process.stdout.write(`\nresident task "schulden" on a 390x844 phone: ${taps} taps (1 tap in the box, typing, Enter) and ${seconds.toFixed(1)} s to the number ${number}\n`);
    expect(number).toMatch(/\d{3}/);
    expect(how).toMatch(/Zo krijgt u hulp/);
    expect(taps).toBeLessThanOrEqual(2);
    await shot(page, 'schulden-results');
    await page.close();
  });
});
