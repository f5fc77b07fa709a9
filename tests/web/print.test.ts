// Print views in real Chromium: "Wie is wie" and the poster fit ONE A4 page for every demo
// buurt (counted in the PDF Chromium prints), the poster carries no value that only
// professionals or the team may see, the new pages pass axe, and the team and person
// pages offer the vCard QR code and download.
import AxeBuilder from '@axe-core/playwright';
import { residentSecrets } from '../helpers/secrets';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { checkEverythingAgain } from '../helpers/review-fixture';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Prints the page as Chromium would to A4 and counts the pages of the PDF. */
async function a4Pages(page: Page, file?: string): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: file });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Screenshot of the page as printed on A4 (794 px wide at 96 dpi), for people to look at. */
async function printShot(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 718, height: 1047 });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: null });
}

async function imagesLoaded(page: Page) {
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
}

describeBrowser('web: print sheets, poster, vCard block, import screen', () => {
  let b: BrowserApp;
  let page: Page;
  let buurten: Array<{ code: string; name: string }>;
  let secrets: string[];
  let names: string[];
  beforeAll(async () => {
    b = await startBrowserApp();
    await checkEverythingAgain(b.testApp.database.db); // every demo team on its public page
    page = await b.newPage();
    const db = b.testApp.database.db;
    buurten = await db.selectFrom('areas').select(['code', 'name']).where('kind', '=', 'buurt').orderBy('code').execute();
    const people = await db.selectFrom('people').selectAll().execute();
    secrets = await residentSecrets(db);
    names = people.map((p) => `${p.given_name} ${p.family_name}`);
    expect(buurten.length).toBeGreaterThanOrEqual(7);
  });
  afterAll(async () => { await b?.close(); });

  it('the area page links to the print sheet and the poster', async () => {
    const { code, name } = buurten[0]!;
    await page.goto(`${b.baseUrl}/gebieden/${code}`);
    await page.waitForSelector('[data-testid="area-page"]');
    await page.click(`a[href="/gebieden/${code}/print"]`);
    await page.waitForSelector('[data-testid="print-sheet"] .print-team');
    expect(await page.textContent('h1')).toContain(name);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('"Wie is wie" fits one A4 page for every demo buurt and the wijk, with faces and a map', async () => {
    for (const { code } of [...buurten, { code: 'WK990101' }]) {
      await page.goto(`${b.baseUrl}/gebieden/${code}/print`);
      await page.waitForSelector('[data-testid="print-sheet"] .print-team');
      await imagesLoaded(page);
      expect(await page.locator('.print-team').count(), code).toBeGreaterThan(10);
      expect(await page.locator('.print-people .avatar').count(), code).toBeGreaterThan(10);
      expect(await page.locator('svg.area-outline path').count(), code).toBe(1);
      const html = await page.content();
      for (const s of secrets) expect(html, code).not.toContain(s);
      if (code === buurten[0]!.code) await printShot(page, 'print-wie-is-wie.png');
      expect(await a4Pages(page, code === buurten[0]!.code ? join(ARTIFACTS, 'print-wie-is-wie.pdf') : undefined), code).toBe(1);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
  });

  it('the poster fits one A4 page, in plain words, with public team contacts only', async () => {
    for (const { code, name } of buurten) {
      await page.goto(`${b.baseUrl}/gebieden/${code}/poster`);
      await page.waitForSelector('[data-testid="poster-sheet"] .poster-team');
      expect(await page.textContent('h1')).toContain(name);
      const text = await page.textContent('[data-testid="poster-sheet"]') ?? '';
      for (const s of secrets) expect(text, code).not.toContain(s);
      for (const n of names) expect(text, `${code}: ${n}`).not.toContain(n);
      expect(text).not.toMatch(/\b06[- ]?\d{8}\b/);
      expect(await page.locator('[data-testid="poster-sheet"] .avatar').count()).toBe(0);
      if (code === buurten[0]!.code) await printShot(page, 'poster-print.png');
      expect(await a4Pages(page, code === buurten[0]!.code ? join(ARTIFACTS, 'poster.pdf') : undefined), code).toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('team and person pages offer the card as QR code and download', async () => {
    const team = await b.testApp.database.db.selectFrom('teams').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
    await page.goto(`${b.baseUrl}/teams/${team.id}`);
    await page.waitForSelector('[data-testid="vcard-block"]');
    const qr = page.locator('[data-testid="vcard-block"] img');
    await qr.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('[data-testid="vcard-block"] img') as HTMLImageElement | null)?.naturalWidth! > 0);
    expect(await qr.getAttribute('alt')).toContain(team.name);
    await page.locator('[data-testid="vcard-block"]').screenshot({ path: join(ARTIFACTS, 'team-vcard-block.png') });
    const href = await page.locator('[data-testid="vcard-block"] a[download]').getAttribute('href');
    expect(href).toBe(`/api/teams/${team.id}/vcard`);
    const res = await page.request.get(`${b.baseUrl}${href}`);
    expect(res.headers()['content-type']).toBe('text/vcard; charset=utf-8');
    expect(await seriousViolations(page)).toEqual([]);
    const person = await b.testApp.database.db.selectFrom('people').select('id').where('public_profile', '=', true).orderBy('family_name').executeTakeFirstOrThrow();
    await page.goto(`${b.baseUrl}/mensen/${person.id}`);
    await page.waitForSelector('[data-testid="vcard-block"]');
    expect(await page.locator('[data-testid="vcard-block"] a[download]').getAttribute('href')).toBe(`/api/people/${person.id}/vcard`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
