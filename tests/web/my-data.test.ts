// Mijn gegevens in a real browser: signed in as the demo professional (through the API from
// inside the page), the page shows the stored data, a consent is withdrawn by keyboard and
// the page and the server both reflect it, a photo is uploaded with preview; axe-core finds
// no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { ARTIFACTS, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

describeBrowser('web: Mijn gegevens', () => {
  let b: BrowserApp;
  let page: Page;
  let personId: string;
  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    personId = (await db.selectFrom('accounts').select('person_id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow()).person_id!;
    // Start from a known state: work phone published to residents.
    await db.deleteFrom('person_consents').where('person_id', '=', personId).execute();
    await db.insertInto('person_consents').values({ person_id: personId, field: 'phone_work' }).execute();
    page = await b.newPage();
    await page.goto(b.baseUrl);
    const status = await page.evaluate(async (account) => (await fetch('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account),
    })).status, { email: DEMO_ACCOUNTS.professional.email, password: DEMO_ACCOUNTS.professional.password });
    expect(status).toBe(200);
  });
  afterAll(async () => { await b?.close(); });

  it('without a session the data is not served', async () => {
    const res = await fetch(`${b.baseUrl}/api/me/data`);
    expect(res.status).toBe(401);
  });

  it('shows the stored data in sections with a download link', async () => {
    await page.goto(`${b.baseUrl}/mijn-gegevens`);
    await page.waitForSelector('[data-testid="my-data"]');
    expect(await page.locator('h1').textContent()).toBe('Mijn gegevens');
    expect(await page.title()).toContain('Mijn gegevens');
    expect(await page.getByText(DEMO_ACCOUNTS.professional.email).count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/api/me/data?download=1"]').textContent()).toBe('Download als JSON');
    for (const heading of ['Account', 'Mijn profiel', 'Mijn teams', 'Wie mag wat zien?', 'Mijn foto', 'Waar ben ik ingelogd?', 'Account verwijderen']) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('withdrawing a consent by keyboard: the page and the server reflect it at once', async () => {
    const box = page.getByLabel('Bewoners mogen mijn werktelefoon zien');
    expect(await box.isChecked()).toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    const message = page.getByTestId('me-consent-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('Opgeslagen.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('me-consent-message');
    await expect.poll(() => box.isChecked()).toBe(false);
    expect(await page.locator('#me-consent-phone_work-dates').textContent()).toMatch(/ingetrokken op/);
    const active = await b.testApp.database.db.selectFrom('person_consents').select('field')
      .where('person_id', '=', personId).where('withdrawn_at', 'is', null).execute();
    expect(active).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/my-data.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('uploads a photo with preview and consent; the page then shows it from /api/photos', async () => {
    const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#2a6' } }).png().toBuffer();
    await page.locator('#me-photo-file').setInputFiles({ name: 'ik.png', mimeType: 'image/png', buffer: png });
    await page.getByAltText('Voorbeeld van de gekozen foto').waitFor();
    await page.getByLabel("Collega's mogen deze foto zien").check();
    await page.getByRole('button', { name: 'Foto opslaan' }).click();
    const message = page.getByTestId('me-photo-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('Uw foto is opgeslagen.');
    const src = await page.getByAltText('Uw huidige foto').getAttribute('src');
    expect(src).toMatch(/^\/api\/photos\/[0-9a-f]{64}\.webp$/);
    // the image's own load event (or error, which fails): the src is set before the photo has arrived
    expect(await page.getByAltText('Uw huidige foto').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth
      : new Promise<number>((resolve) => {
        img.addEventListener('load', () => resolve(img.naturalWidth), { once: true });
        img.addEventListener('error', () => resolve(-1), { once: true });
      })))).toBe(512);
  });
});
