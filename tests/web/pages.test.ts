// The resident and directory pages in a real browser against the real server: start page
// with crisis numbers, topic, team (faces, public contact), person and area pages, the
// English switch, keyboard-only use, axe-core and reflow at 320 px.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getJson } from '../helpers/app';
import { ARTIFACTS, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

/** The page's scroll width at a 320 px viewport (WCAG 1.4.10 reflow), then back to desktop size. */
async function widthAt320(page: Page): Promise<number> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  // two animation frames: the resize has been laid out and painted
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (before) await page.setViewportSize(before);
  return width;
}

/** Presses Tab until the focused element matches `selector`; returns whether it got there. */
async function tabTo(page: Page, selector: string, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

describeBrowser('web: resident and directory pages', () => {
  let b: BrowserApp;
  let page: Page;
  let teamId: string;
  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage();
    const { body } = await getJson(b.testApp.app, '/api/teams?type=social_district_team');
    teamId = body.items[0].id;
  });
  afterAll(async () => { await b?.close(); });

  it('start page: plain question, topic tiles, the crisis numbers and the way to the map', async () => {
    await page.goto(b.baseUrl);
    await page.waitForSelector('h1');
    expect(await page.locator('h1').textContent()).toBe('Waar kan ik hulp vinden?');
    expect(await page.title()).toContain('Waar kan ik hulp vinden?');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const crisis = page.getByTestId('crisis-block');
    for (const tel of ['tel:112', 'tel:113', 'tel:08000113', 'tel:08002000']) expect(await crisis.locator(`a[href="${tel}"]`).count()).toBe(1);
    expect(await page.locator('a.tile[href="/hulp/debts"]').textContent()).toContain('Geldzorgen');
    expect(await page.locator('a[href="/kaart"]', { hasText: 'Naar de kaart' }).count()).toBe(1);
    expect(await page.locator('.skip-link').getAttribute('href')).toBe('#inhoud');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/start.png`, fullPage: true });
    expect(await widthAt320(page)).toBeLessThanOrEqual(320);
  });

  it('keyboard only: from the start page to a team phone number with Tab and Enter', async () => {
    await page.goto(b.baseUrl);
    await page.waitForSelector('a.tile');
    expect(await tabTo(page, 'a.tile[href="/hulp/debts"]')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/hulp\/debts$/);
    await page.waitForSelector('.team-card');
    expect(await tabTo(page, '.team-card__title a')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/teams\//);
    await page.waitForSelector('[data-testid="team-page"]');
    expect(await tabTo(page, '.contact-panel a[href^="tel:"]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/\d/);
  });

  it('topic pages show teams in plain words, and crisis numbers where needed', async () => {
    await page.goto(`${b.baseUrl}/hulp/debts`);
    await page.waitForSelector('.team-card');
    expect(await page.locator('h1').textContent()).toBe('Geldzorgen');
    expect(await page.getByTestId('crisis-block').count()).toBe(0);
    expect(await page.locator('.team-card').first().textContent()).toMatch(/Zelf binnenlopen, zonder afspraak|Zelf bellen of aanmelden/);
    for (const topic of ['mental_health', 'domestic_violence', 'crisis']) {
      await page.goto(`${b.baseUrl}/hulp/${topic}`);
      await page.waitForSelector('[data-testid="crisis-block"]');
    }
    await page.screenshot({ path: `${ARTIFACTS}/topic-crisis.png`, fullPage: true });
  });

  it('team page: faces, access route, public contact, locations, buurten, last checked', async () => {
    const { body: team } = await getJson(b.testApp.app, `/api/teams/${teamId}`);
    await page.goto(`${b.baseUrl}/teams/${teamId}`);
    await page.waitForSelector('[data-testid="team-page"]');
    expect(await page.locator('h1').textContent()).toBe(team.name);
    expect(await page.title()).toContain(team.name);
    const faces = page.locator('[data-testid="members"] .person-card');
    expect(await faces.count()).toBe(team.members.length);
    expect(await page.locator('[data-testid="members"] img.avatar[alt=""], [data-testid="members"] .avatar--initials').count()).toBe(team.members.length);
    if (team.hidden_member_count > 0) {
      expect(await page.getByTestId('hidden-count').textContent()).toContain(String(team.hidden_member_count));
    }
    expect(await page.getByTestId('access').textContent()).toBe({
      walk_in: 'Zelf binnenlopen, zonder afspraak', self_referral: 'Zelf bellen of aanmelden', gp_referral: 'Met een verwijzing van de huisarts',
      district_team_referral: 'Via het wijkteam', municipal_decision: 'De gemeente beslist of u dit krijgt',
    }[team.access as string]!);
    if (team.public_phone) expect(await page.locator(`.contact-panel a[href="tel:${team.public_phone.replace(/[^\d+]/g, '')}"]`).count()).toBe(1);
    expect(await page.locator('.address-list').textContent()).toContain(team.locations[0].street);
    await page.waitForSelector('[data-testid="mini-map"] .team-marker');
    expect(await page.locator('.verified').textContent()).toContain('Laatst gecontroleerd');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/team.png`, fullPage: true });
    expect(await widthAt320(page)).toBeLessThanOrEqual(320);
  });

  it('person page: face, ask-me-about and teams', async () => {
    const { body: team } = await getJson(b.testApp.app, `/api/teams/${teamId}`);
    const person = team.members[0].person;
    await page.goto(`${b.baseUrl}/mensen/${person.id}`);
    await page.waitForSelector('[data-testid="person-page"]');
    expect(await page.locator('h1').textContent()).toBe(person.name);
    expect(await page.locator('.person-hero .avatar').count()).toBe(1);
    expect(await page.locator(`a[href="/teams/${teamId}"]`).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/person.png`, fullPage: true });
  });

  it('area page: who works in the buurt, grouped, faces for the first contacts', async () => {
    const { body: area } = await getJson(b.testApp.app, '/api/areas/BU99010101');
    await page.goto(`${b.baseUrl}/gebieden/${area.code}`);
    await page.waitForSelector('[data-testid="area-page"]');
    expect(await page.locator('h1').textContent()).toBe(`Wie werkt er in ${area.name}?`);
    const headings = await page.locator('.category-group h2').allTextContents();
    expect(headings[0]).toMatch(/^Eerste aanspreekpunt/);
    expect(await page.locator('.category-group .team-card').count()).toBe(area.teams.length);
    await page.waitForSelector('#cat-first_contact ~ ul .face-row .avatar');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/area.png`, fullPage: true });
    expect(await widthAt320(page)).toBeLessThanOrEqual(320);
  });

  it('switches to English, remembers it, and back', async () => {
    await page.goto(b.baseUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent()).toBe('Where can I find help?');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.goto(`${b.baseUrl}/hulp/debts`); // no ?lang: localStorage remembers
    await page.waitForSelector('.team-card');
    expect(await page.locator('h1').textContent()).toBe('Money worries');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(`${b.baseUrl}/?lang=nl`);
    expect(await page.locator('h1').textContent()).toBe('Waar kan ik hulp vinden?');
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(1);
  });

  it('unknown paths and ids say so, and no outside host was needed', async () => {
    await page.goto(`${b.baseUrl}/teams/00000000-0000-4000-8000-000000000000`);
    await page.waitForSelector('h1');
    expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    await page.goto(`${b.baseUrl}/bestaat-niet`);
    expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    expect(b.outside.other).toEqual([]);
  });
});
