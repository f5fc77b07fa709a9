// The huisarts reads the verwijswijzer in the address answer, in Chromium: "Zorgen over een
// jeugdige → Jeugd- en Gezinsteam Lindeburg-Oost, Ilse Peters, 06-…" on the page without
// another click, every step on paper (print stylesheet, at most two A4 pages with the rest of
// the answer), the team page names the pathways it is a step in, and axe finds no violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUURTEN } from '../../seeds/demo/areas';
import { getJson } from '../helpers/app';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { ARTIFACTS, axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { startFakeLocatieserver, type FakeLocatieserver } from '../helpers/fake-locatieserver';

const WAIT = 60_000; // a busy machine: generous waits, never fixed sleeps
const lindehof = { postcode: `${BUURTEN.find((b) => b.key === 'lindehof')!.postcodes[0]}AA`, number: '1' };

async function violations(page: Page): Promise<string[]> {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describeBrowser('the verwijswijzer in the address answer', () => {
  let b: BrowserApp;
  let fake: FakeLocatieserver;

  beforeAll(async () => {
    fake = await startFakeLocatieserver();
    b = await startBrowserApp({ env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '5000' } });
  });
  afterAll(async () => { await b?.close(); await fake?.close(); });

  it('the huisarts reads whom to call first, by name and 06, prints it, and finds it from the team page', async () => {
    const page = await b.newPage({ width: 1280, height: 800 });
    page.setDefaultTimeout(WAIT);
    await page.goto(b.baseUrl);
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.professional.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.professional.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByTestId('pro-start').waitFor();

    await page.getByRole('textbox', { name: 'Postcode' }).fill(lindehof.postcode);
    await page.getByRole('textbox', { name: 'Huisnummer' }).fill(lindehof.number);
    await page.getByRole('button', { name: 'Zoek wie hier werkt' }).click();
    const youth = page.locator('[data-testid="pathway-line"][data-key="jeugdige"] .pathway-line__head');
    await youth.waitFor();

    const cookie = (await b.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const api = (await getJson(b.testApp.app, `/api/pathways/jeugdige?postcode=${lindehof.postcode}&number=1`, { cookie })).body;
    const step = api.steps.find((s: any) => s.kind === 'team' && !s.when);
    expect(step.contact.name).toBe('Ilse Peters');
    expect(step.contact.phone_mobile).toMatch(/^06/);
    // as seen: without the words only a screen reader hears (sr-only "eerst:" for the arrow)
    const line = (await youth.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      return copy.textContent ?? '';
    })).replace(/\s+/g, ' ');
    expect(line).toContain(`Zorgen over een jeugdige: gedrag, thuis of school → Jeugd- en Gezinsteam Lindeburg-Oost, Ilse Peters, ${step.contact.phone_mobile}`);
    expect(await page.getByTestId('pathway-line').count()).toBe(5);
    // a buurt without a bewonersvereniging of its own is not this one: Lindehof has one
    expect(await page.getByTestId('pathways-at').textContent()).toContain('Bewonersvereniging Lindehof Leeft');
    expect(await violations(page)).toEqual([]);

    // on paper: every step of every pathway, the screen's disclosures gone, within two A4 pages
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pathway-line .print-only .pathway-steps').first().isVisible()).toBe(true);
    expect(await page.locator('.pathway-line__steps').first().isVisible()).toBe(false);
    expect(await page.locator('[data-key="huiselijk_geweld"] .print-only').textContent()).toContain('Stap 5: meld bij Veilig Thuis');
    const pdf = await page.pdf({ format: 'A4', path: `${ARTIFACTS}/pathways-print.pdf` });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    console.log(`address answer with pathways printed on ${pages} A4 page(s)`);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: null });

    // on a phone: the same lines, nothing wider than the screen (a picture for the closing note)
    await page.setViewportSize({ width: 390, height: 844 });
    await youth.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('pathways-at').screenshot({ path: `${ARTIFACTS}/pathways-phone.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // the team page: the pathways this kind of team is a step in
    await youth.getByRole('link', { name: 'Jeugd- en Gezinsteam Lindeburg-Oost' }).click();
    const links = page.getByTestId('pathway-links');
    await links.waitFor();
    expect(await links.getByRole('link').allTextContents()).toEqual([
      'Zorgen over een jeugdige: gedrag, thuis of school', 'Vermoeden van huiselijk geweld of kindermishandeling (meldcode)']);
    await links.getByRole('link').first().click();
    await page.getByTestId('pathway-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Zorgen over een jeugdige: gedrag, thuis of school');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
