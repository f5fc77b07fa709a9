// The huisarts between two patients, as a person does it in Chromium: signs in from the
// start page, lands on the address lookup (on screen without scrolling, laptop and phone),
// types a postcode and number, reads the first point of contact's 06 number, prints the
// answer (the PDF Chromium prints is at most two A4 pages) and takes the vCard of just these
// contacts. Prints the task timing (clicks, seconds). Also: a resident reads "only visible
// to professionals" and the approximation once, a failed answer offers "Opnieuw proberen",
// and axe finds no violation of any impact.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUURTEN } from '../../seeds/demo/areas';
import { getJson } from '../helpers/app';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { ARTIFACTS, axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { startFakeLocatieserver, type FakeLocatieserver } from '../helpers/fake-locatieserver';
import { checkEverythingAgain } from '../helpers/review-fixture';

const WAIT = 60_000; // a busy two-core machine: generous waits, never fixed sleeps
const SHOTS = '/tmp/shots'; // before/after pictures for the closing note, not part of the repository
const lindehof = { postcode: `${BUURTEN.find((b) => b.key === 'lindehof')!.postcodes[0]}AA`, number: '1' };

/** Every axe violation, of any impact, as "rule: where". */
async function violations(page: Page): Promise<string[]> {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Prints the page as Chromium would to A4 and counts the PDF's pages. */
async function a4Pages(page: Page, path?: string): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', path });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** True when the element is wholly inside the viewport as it is (nothing scrolled). */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const view = page.viewportSize()!;
  const scrolled = await page.evaluate(() => window.scrollY);
  return Boolean(box) && scrolled === 0 && box!.y >= 0 && box!.y + box!.height <= view.height;
}

describeBrowser('the huisarts at an address', () => {
  let b: BrowserApp;
  let fake: FakeLocatieserver;
  let answer: any; // the API's answer for the professional, to compare the screen with

  beforeAll(async () => {
    fake = await startFakeLocatieserver();
    b = await startBrowserApp({ env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '5000' } });
    await checkEverythingAgain(b.testApp.database.db);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => { await b?.close(); await fake?.close(); });

  async function signInFromStart(page: Page, count: (n?: number) => void, account = DEMO_ACCOUNTS.professional) {
    await page.goto(b.baseUrl);
    await page.getByRole('link', { name: 'Inloggen' }).click(); count();
    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click(); count();
    await page.getByTestId('pro-start').waitFor();
  }

  it('signs in, lands on the lookup, types the address, reads the 06 number and prints at most two A4 pages', async () => {
    const page = await b.newPage({ width: 1280, height: 800 });
    page.setDefaultTimeout(WAIT);
    let clicks = 0;
    const count = (n = 1) => { clicks += n; };
    const started = Date.now();
    await signInFromStart(page, count);
    expect(new URL(page.url()).pathname).toBe('/');
    // where the work is: the postcode form with its button, without scrolling
    expect(await onScreen(page, page.getByRole('button', { name: 'Zoek wie hier werkt' }))).toBe(true);
    expect(await violations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Postcode' }).click(); count();
    await page.keyboard.type(lindehof.postcode);
    await page.getByRole('textbox', { name: 'Huisnummer' }).click(); count();
    await page.keyboard.type(lindehof.number);
    await page.getByRole('button', { name: 'Zoek wie hier werkt' }).click(); count();
    await page.getByTestId('lookup-answer').waitFor();

    const cookie = (await b.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    answer = (await getJson(b.testApp.app, `/api/lookup?postcode=${lindehof.postcode}&number=1`, { cookie })).body;
    const first = answer.teams.filter((t: any) => t.category === 'first_contact');
    const others = answer.teams.length - first.length;
    const contact = first.flatMap((t: any) => t.contacts).find((c: any) => c.person.phone_mobile)!.person;
    // the first points of contact first and open, with the contact's 06 number
    const firstSection = page.locator('.lookup-first');
    expect(await firstSection.locator('.team-card__title').allTextContents()).toEqual(first.map((t: any) => t.name));
    await firstSection.getByText(contact.phone_mobile).waitFor();
    // the others folded under one disclosure, closed
    const details = page.getByTestId('lookup-others');
    expect(await details.locator('summary').textContent()).toBe(`Andere teams in deze buurt (${others})`);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByTestId('lookup-hidden').count()).toBe(0); // a professional sees every contact
    expect(await violations(page)).toEqual([]);

    await page.evaluate(() => { (window as any).printed = 0; window.print = () => { (window as any).printed++; }; }); // the dialog itself is the browser's
    await page.getByRole('button', { name: 'Afdrukken' }).click(); count();
    expect(await page.evaluate(() => (window as any).printed)).toBe(1);
    const seconds = (Date.now() - started) / 1000;
    await page.emulateMedia({ media: 'print' });
    const pages = await a4Pages(page, `${ARTIFACTS}/huisarts-print.pdf`);
    console.log(`huisarts task: sign-in to printed answer in ${clicks} clicks and ${seconds.toFixed(1)} s; printed ${pages} A4 page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // on paper: the first contacts with their direct lines, and every other team on one line
    expect(await page.locator('.lookup-first').isVisible()).toBe(true);
    expect(await page.getByTestId('lookup-print-others').isVisible()).toBe(true);
    expect(await page.getByTestId('lookup-print-others').locator('li').count()).toBe(others);
    expect(await page.locator('.lookup-form').first().isVisible()).toBe(false);
    await page.setViewportSize({ width: 718, height: 1047 }); // A4 at 96 dpi less the margins: a picture of the sheet
    await page.screenshot({ path: `${ARTIFACTS}/huisarts-print.png`, fullPage: true });
    await page.emulateMedia({ media: null });
    await page.close();
  });

  it('the vCard link holds just the first points of contact and their people', async () => {
    const page = await b.newPage({ width: 1280, height: 800 });
    page.setDefaultTimeout(WAIT);
    await page.goto(`${b.baseUrl}/adres?postcode=${lindehof.postcode}&nummer=1`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lookup-vcard').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const first = answer.teams.filter((t: any) => t.category === 'first_contact');
    expect(text.match(/^KIND:org\r?$/gm)?.length).toBe(first.length);
    expect(text.match(/^KIND:individual\r?$/gm)?.length).toBe(first.flatMap((t: any) => t.contacts).length);
    await page.close();
  });

  it('on a phone the lookup is on screen after sign-in, and the answer is photographed', async () => {
    const page = await b.newPage({ width: 390, height: 844 });
    page.setDefaultTimeout(WAIT);
    await page.goto(b.baseUrl);
    await page.getByTestId('pro-start').waitFor(); // still signed in from the first test (one browser context)
    expect(await onScreen(page, page.getByRole('button', { name: 'Zoek wie hier werkt' }))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/huisarts-landing-after-390.png` });
    await page.getByRole('textbox', { name: 'Postcode' }).fill(lindehof.postcode);
    await page.getByRole('textbox', { name: 'Huisnummer' }).fill(lindehof.number);
    await page.getByRole('button', { name: 'Zoek wie hier werkt' }).click();
    await page.getByTestId('lookup-answer').waitFor();
    await page.screenshot({ path: `${SHOTS}/huisarts-answer-after-390-fold.png` });
    await page.screenshot({ path: `${SHOTS}/huisarts-answer-after-390.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('a resident reads "only visible to professionals" once, and an approximation once in their language', async () => {
    const resident = await b.context.browser()!.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
    const page = await resident.newPage();
    page.setDefaultTimeout(WAIT);
    try {
      await page.goto(`${b.baseUrl}/adres?postcode=${lindehof.postcode}&nummer=1`);
      await page.getByTestId('lookup-answer').waitFor();
      const { body } = await getJson(b.testApp.app, `/api/lookup?postcode=${lindehof.postcode}&number=1`);
      const hidden = body.teams.reduce((n: number, t: any) => n + t.hidden_contacts, 0);
      expect(hidden).toBeGreaterThan(0);
      const note = page.getByTestId('lookup-hidden');
      expect(await note.count()).toBe(1);
      expect(await note.textContent()).toContain(hidden === 1 ? '1 contactpersoon is alleen zichtbaar voor professionals.' : `${hidden} contactpersonen zijn alleen zichtbaar voor professionals.`);
      expect(await page.getByText('alleen zichtbaar voor professionals').count()).toBe(1);
      expect(await violations(page)).toEqual([]);

      await fake.down(); // the rest of this file runs without the address service
      await page.goto(`${b.baseUrl}/adres?postcode=${lindehof.postcode}&nummer=77`);
      const approx = page.getByTestId('approximate');
      await approx.waitFor();
      const text = (await approx.textContent())!;
      expect(text.match(/Benadering/g)).toHaveLength(1);
      expect(text).toContain('De adreszoeker is nu niet bereikbaar.');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => approx.textContent()).toContain('The address service cannot be reached right now.');
      expect(await approx.textContent()).not.toMatch(/Benadering|adreszoeker/);
    } finally { await resident.close(); }
  });

  it('a slow answer shows that it is loading; a failed one offers "Opnieuw proberen", which works without a reload', async () => {
    const page = await b.newPage({ width: 390, height: 844 });
    page.setDefaultTimeout(WAIT);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let fail = true;
    await page.route('**/api/lookup?*', async (route) => {
      await held; // slow: answered only when the test has seen the loading state
      if (fail) return route.abort('connectionrefused'); // the server is gone
      return route.continue();
    });
    await page.goto(`${b.baseUrl}/adres?postcode=${lindehof.postcode}&nummer=77`);
    await page.getByText('Even geduld, we halen de gegevens op…').waitFor();
    await page.evaluate(() => { (window as any).sameDocument = true; });
    release();
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await violations(page)).toEqual([]);
    fail = false;
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByTestId('lookup-answer').waitFor();
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true); // no reload
    await page.close();
  });
});
