// The search box (a WAI-ARIA combobox in the header), the /zoeken results page and the
// address page /adres in a real browser against the real server on the test database,
// with the fake PDOK Locatieserver as geocoder: suggestions, live count, keyboard use,
// stale answers, results, the wijkteam with a face for a demo address, axe-core, 320 px.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUURTEN } from '../../seeds/demo/areas';
import nlShared from '../../web/i18n/nl.json';
import enShared from '../../web/i18n/en.json';
import nlOwn from '../../web/search/messages.nl.json';
import enOwn from '../../web/search/messages.en.json';
import nlLookup from '../../web/lookup/messages.nl.json';
import enLookup from '../../web/lookup/messages.en.json';
import { normalisePostcode, validHouseNumber } from '../../web/lookup/validate';
import { getJson } from '../helpers/app';
import { ARTIFACTS, type BrowserApp, describeBrowser, startBrowserApp } from '../helpers/browser';
import { startFakeLocatieserver, type FakeLocatieserver } from '../helpers/fake-locatieserver';

const WAIT = 60_000; // a busy two-core machine: generous waits, never fixed sleeps

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

async function widthAt(page: Page, width: number): Promise<number> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 640 });
  const scroll = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(document.documentElement.scrollWidth))));
  if (before) await page.setViewportSize(before);
  return scroll;
}

async function tabTo(page: Page, selector: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('search and lookup messages', () => {
  it('have the same keys in Dutch and English, none empty, none overriding the shared dictionaries', () => {
    expect(Object.keys(enOwn).sort()).toEqual(Object.keys(nlOwn).sort());
    expect(Object.keys(enLookup).sort()).toEqual(Object.keys(nlLookup).sort());
    for (const [k, v] of [...Object.entries(nlOwn), ...Object.entries(enOwn), ...Object.entries(nlLookup), ...Object.entries(enLookup)]) expect(v.trim(), k).not.toBe('');
    expect(Object.keys({ ...nlOwn, ...nlLookup }).filter((k) => k in nlShared || k in enShared)).toEqual([]);
  });

  it('hold every literal t("…") key that web/search and web/lookup ask for', () => {
    const dict: Record<string, string> = { ...nlShared, ...nlOwn, ...nlLookup };
    const missing: string[] = [];
    for (const dir of ['search', 'lookup']) {
      const folder = new URL(`../../web/${dir}/`, import.meta.url).pathname;
      for (const name of readdirSync(folder).filter((n) => /\.tsx?$/.test(n))) {
        for (const m of readFileSync(join(folder, name), 'utf8').matchAll(/\bt\('([a-z_]+\.[a-z0-9_.]+)'/g)) {
          const key = m[1]!;
          if (!(key in dict) && !(`${key}_one` in dict && `${key}_other` in dict)) missing.push(`${dir}/${name}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('address form checks (same rules as the API)', () => {
  it('accepts Dutch postcodes in any spacing and case, and house numbers with additions', () => {
    expect(normalisePostcode('1372 ab')).toBe('1372AB');
    expect(normalisePostcode(' 1372AB ')).toBe('1372AB');
    for (const bad of ['0372AB', '137AB', '1372 A', 'abcd', '']) expect(normalisePostcode(bad)).toBeNull();
    for (const ok of ['1', '12A', '12-2', '12 bis']) expect(validHouseNumber(ok)).toBe(true);
    for (const bad of ['0', 'A', '', '12-ABCDE']) expect(validHouseNumber(bad)).toBe(false);
  });
});

describeBrowser('web: search box, results page and address lookup', () => {
  let browser: BrowserApp;
  let fake: FakeLocatieserver;
  let base: string;
  let page: Page;
  const lindehof = BUURTEN.find((b) => b.key === 'lindehof')!;
  const demoAddress = { postcode: `${lindehof.postcodes[0]}AA`, nummer: '1' }; // the fake geocoder's address there

  beforeAll(async () => {
    fake = await startFakeLocatieserver();
    browser = await startBrowserApp({ env: { GEOCODER_URL: fake.url, GEOCODER_TIMEOUT_MS: '5000' } });
    base = browser.baseUrl;
    page = await browser.newPage();
    page.setDefaultTimeout(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  const box = () => page.locator('#zoek-invoer');
  const options = () => page.locator('#zoek-suggesties [role="option"]');
  /** The suggestions once they answer exactly this text (not an earlier prefix). */
  const suggestionsFor = (q: string) => page.locator(`#zoek-suggesties[data-query="${q}"] [role="option"]`).first().waitFor();
  const status = () => page.getByTestId('search-status');

  it('typing "geldzorgen" shows grouped suggestions, announces the count, ArrowDown+Enter opens debt help', async () => {
    await page.goto(base);
    await page.waitForSelector('h1');
    await box().click();
    await box().pressSequentially('geldzorgen', { delay: 40 });
    await suggestionsFor('geldzorgen');
    expect(await box().getAttribute('role')).toBe('combobox');
    expect(await box().getAttribute('aria-expanded')).toBe('true');
    expect(await box().getAttribute('aria-controls')).toBe('zoek-suggesties');
    expect(await page.locator('#zoek-suggesties').getAttribute('role')).toBe('listbox');
    const groups = await page.locator('#zoek-suggesties [role="group"]').evaluateAll((els) =>
      els.map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent));
    expect(groups).toEqual(expect.arrayContaining(['Onderwerpen', 'Teams']));
    const names = await options().locator('.search-box__name').allTextContents();
    expect(names.some((n) => /Schuld/i.test(n))).toBe(true);
    const { body } = await getJson(browser.testApp.app, '/api/search?q=geldzorgen&per_page=8');
    await expect.poll(() => status().textContent(), { timeout: WAIT }).toBe(`${body.total} resultaten. Kies met pijltje omlaag.`);
    expect(await box().getAttribute('aria-activedescendant')).toBeNull();
    await page.screenshot({ path: `${ARTIFACTS}/search-suggestions.png` });
    expect(await seriousViolations(page)).toEqual([]); // the open combobox and its grouped listbox

    await page.keyboard.press('ArrowDown');
    const first = await options().first().getAttribute('id');
    expect(await box().getAttribute('aria-activedescendant')).toBe(first);
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    expect(await activeId(page)).toBe('zoek-invoer'); // focus stays in the box
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/hulp\/debts$|\/teams\//);
    if (page.url().includes('/teams/')) expect(await page.locator('h1').textContent()).toMatch(/Schuld/);
    else expect(await page.locator('h1').textContent()).toBe('Geldzorgen');
    expect(await box().inputValue()).toBe('');
  });

  it('Escape closes the list and then clears the box; fewer than 2 letters asks nothing', async () => {
    await page.goto(base);
    await box().click();
    await box().pressSequentially('w');
    await expect.poll(() => status().textContent()).toBe('');
    await box().pressSequentially('ijkteam', { delay: 30 });
    await suggestionsFor('wijkteam');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await box().getAttribute('aria-expanded')).toBe('false');
    expect(await box().getAttribute('aria-activedescendant')).toBeNull();
    expect(await page.locator('#zoek-suggesties').isHidden()).toBe(true);
    expect(await box().inputValue()).toBe('wijkteam');
    await page.keyboard.press('Escape');
    expect(await box().inputValue()).toBe('');
    // Tab leaves the box (no trap) and closes the list.
    await box().pressSequentially('wijkteam', { delay: 30 });
    await suggestionsFor('wijkteam');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).not.toBe('zoek-invoer');
    expect(await box().getAttribute('aria-expanded')).toBe('false');
  });

  it('a slow, older answer never replaces a newer one', async () => {
    let staleDone!: () => void;
    const stale = new Promise<void>((r) => { staleDone = r; });
    let releaseStale!: () => void;
    const newerShown = new Promise<void>((r) => { releaseStale = r; });
    let sawStale = false;
    await page.route('**/api/search?*', async (route) => {
      const q = new URL(route.request().url()).searchParams.get('q');
      if (q !== 'huisarts') return route.continue();
      sawStale = true;
      await newerShown; // the older answer arrives only after the newer one is on screen
      await route.continue().catch(() => {}); // aborted by the page: fine
      staleDone();
    });
    try {
      await page.goto(base);
      await box().click();
      await box().pressSequentially('huisarts');
      await expect.poll(() => sawStale).toBe(true); // the request for "huisarts" is under way
      await box().fill('wijkteam');
      await suggestionsFor('wijkteam');
      releaseStale();
      await stale;
      expect(await page.locator('#zoek-suggesties').getAttribute('data-query')).toBe('wijkteam');
      const names = await options().locator('.search-box__name').allTextContents();
      expect(names[0]).toMatch(/Wijkteam/);
      expect(names.some((n) => /Huisarts/.test(n))).toBe(false);
    } finally { releaseStale(); await page.unroute('**/api/search?*'); }
  });

  it('Enter without a chosen suggestion goes to /zoeken, which lists the gp practices with kind labels', async () => {
    await page.goto(`${base}/teams/${(await getJson(browser.testApp.app, '/api/teams?type=gp_practice')).body.items[0].id}`);
    await page.waitForSelector('[data-testid="team-page"]');
    await box().click();
    await box().pressSequentially('huisarts', { delay: 30 });
    await options().first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=huisarts$/);
    await page.waitForSelector('[data-testid="search-results"] li');
    const gp = (await getJson(browser.testApp.app, '/api/teams?type=gp_practice&per_page=100')).body.items.map((x: { name: string }) => x.name);
    expect(gp.length).toBeGreaterThanOrEqual(3);
    const teams = await page.locator('[data-testid="search-results"] li[data-kind="team"] a').allTextContents();
    for (const name of gp) expect(teams).toContain(name);
    // The badge says what it is (a huisarts), not "Team" for every kind of team.
    expect(await page.locator('[data-testid="search-results"] li[data-kind="team"] .pill').first().textContent()).toBe('Huisarts');
    const { body } = await getJson(browser.testApp.app, '/api/search?q=huisarts');
    expect(await page.locator('#results-count').textContent()).toBe(`${body.total} resultaten voor "huisarts"`);
    expect(await page.title()).toContain('huisarts');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/search-results.png`, fullPage: true });
    expect(await widthAt(page, 320)).toBeLessThanOrEqual(320);
    // An organisation on the results page lists its teams.
    await page.goto(`${base}/zoeken?q=${encodeURIComponent('Welzijn Lindeburg')}`);
    await page.waitForSelector('[data-testid="search-results"] li[data-kind="organisation"] .search-results__meta a');
  });

  it('keyboard only: Tab to the search box, type, ArrowDown, Enter reaches a team page', async () => {
    await page.goto(`${base}/hulp/parenting`);
    await page.waitForSelector('h1');
    expect(await tabTo(page, '#zoek-invoer')).toBe(true);
    await page.keyboard.type('wijkteam', { delay: 30 });
    await suggestionsFor('wijkteam');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid="team-page"]');
    expect(await page.locator('h1').textContent()).toMatch(/Wijkteam/);
  });

  it('the box works at 320 px: the list fits the screen', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await page.goto(base);
      await box().click();
      await box().pressSequentially('geldzorgen', { delay: 30 });
      await options().first().waitFor();
      const rect = await page.locator('#zoek-suggesties').boundingBox();
      expect(rect!.x).toBeGreaterThanOrEqual(0);
      expect(rect!.x + rect!.width).toBeLessThanOrEqual(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: `${ARTIFACTS}/search-320.png` });
      // Over the map too: the list is on top of Leaflet's panes and controls. (At desktop width:
      // on a phone the map page gives the screen to the map and hides the header's search box.)
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${base}/kaart`);
      await page.waitForSelector('[data-testid="map"]');
      await box().click();
      await box().pressSequentially('huisarts', { delay: 30 });
      await suggestionsFor('huisarts');
      const onTop = await page.evaluate(() => {
        const r = document.getElementById('zoek-suggesties')!.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.bottom - 8)?.closest('#zoek-suggesties') !== null;
      });
      expect(onTop).toBe(true);
    } finally { await page.setViewportSize({ width: 1280, height: 800 }); }
  });

  it('speaks English after the switch', async () => {
    await page.goto(`${base}/?lang=en`);
    await box().click();
    expect(await box().getAttribute('placeholder')).toBe('Search for help, a team or a name');
    await box().pressSequentially('schulden', { delay: 30 });
    await suggestionsFor('schulden');
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results?\. Use arrow down to choose\.$/);
    await box().fill('qqzzxx');
    await expect.poll(() => status().textContent()).toBe('No results for "qqzzxx".');
    await page.goto(`${base}/?lang=nl`);
  });

  it('/adres with a demo postcode shows the address, buurt and wijk, the wijkteam first with a face, nearest gps', async () => {
    await page.goto(`${base}/adres?postcode=${demoAddress.postcode}&nummer=${demoAddress.nummer}`);
    await page.waitForSelector('[data-testid="lookup-answer"]');
    const { body } = await getJson(browser.testApp.app, `/api/lookup?postcode=${demoAddress.postcode}&number=1`);
    expect(await page.locator('#lookup-answer-title').textContent()).toBe(`Resultaat voor ${body.address}`);
    const area = await page.getByTestId('lookup-area').textContent();
    expect(area).toContain('Lindehof');
    expect(area).toContain('Lindeburg-Oost');
    expect(await page.getByTestId('approximate').count()).toBe(0);
    // First points of contact first; the first one is a wijkteam, with a face.
    const firstGroup = page.locator('[data-testid="lookup-teams"] .category-group').first();
    expect(await firstGroup.getAttribute('data-category')).toBe('first_contact');
    const firstTeam = firstGroup.locator('.team-card').first();
    expect(await firstTeam.locator('.team-card__title').textContent()).toBe(body.teams[0].name);
    expect(body.teams[0].team_type).toBe('social_district_team');
    expect(await firstTeam.locator('[data-testid="lookup-contacts"] .avatar').count()).toBeGreaterThan(0);
    expect(await firstTeam.locator('.person-card__name').first().textContent()).toBe(body.teams[0].contacts[0].person.name);
    // The nearest huisartsen and schools, with distances in words.
    const nearest = await page.getByTestId('lookup-nearest').textContent();
    expect(nearest).toMatch(/op \d+ m|op \d+,\d km/);
    expect(nearest).toContain(body.nearest[0].team.name);
    expect(await page.getByTestId('lookup-map-link').getAttribute('href')).toBe(`/kaart?buurt=${body.area.buurt.code}`);
    expect(await page.locator('#adres-postcode').inputValue()).toBe(demoAddress.postcode);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/address.png`, fullPage: true });
    expect(await widthAt(page, 320)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.screenshot({ path: `${ARTIFACTS}/address-320.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    // A reload restores the same answer from the URL.
    await page.reload();
    await page.waitForSelector('[data-testid="lookup-answer"]');
    expect(await page.locator('#lookup-answer-title').textContent()).toBe(`Resultaat voor ${body.address}`);
  });

  it('the address form checks the postcode, ties the message to the field, and moves focus to the answer', async () => {
    await page.goto(`${base}/adres`);
    await page.waitForSelector('#adres-postcode');
    await page.fill('#adres-postcode', '137 AB');
    await page.fill('#adres-number', '1');
    await page.click('[data-testid="address-lookup"] form >> nth=0 >> button[type="submit"]');
    const error = page.getByTestId('adres-postcode-error');
    expect(await error.textContent()).toContain('vier cijfers en twee letters');
    expect(await page.locator('#adres-postcode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#adres-postcode').getAttribute('aria-describedby')).toContain('adres-postcode-error');
    expect(await activeId(page)).toBe('adres-postcode');
    expect(new URL(page.url()).search).toBe('');
    await page.fill('#adres-postcode', '1374 aa');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/adres\?postcode=1374AA&nummer=1$/);
    await page.waitForSelector('[data-testid="lookup-answer"]');
    await expect.poll(() => activeId(page)).toBe('lookup-answer-title');
    expect(await page.getByTestId('lookup-area').textContent()).toContain('Vogelwijk');
    await page.screenshot({ path: `${ARTIFACTS}/address-answer.png` });
    // The typed-address form asks the geocoder.
    await page.fill('#adres-address', 'Lindehofstraat 1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/adres\?adres=Lindehofstraat\+1$/);
    await expect.poll(() => page.locator('#lookup-answer-title').textContent()).toContain('Lindehofstraat 1');
  });

  it('with the geocoder down: a typed address gets a calm message pointing to postcode + huisnummer; a postcode is approximated', async () => {
    await fake.down();
    await page.goto(`${base}/adres?adres=${encodeURIComponent('Molenkwartierstraat 1')}`);
    const notice = page.getByTestId('lookup-error');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('postcode en huisnummer');
    await page.goto(`${base}/adres?postcode=1373AB&nummer=7`);
    await page.waitForSelector('[data-testid="lookup-answer"]');
    expect(await page.getByTestId('approximate').textContent()).toContain('Benadering');
    expect(await page.getByTestId('lookup-area').textContent()).toContain('Molenkwartier');
    expect(await page.locator('[data-testid="lookup-teams"] .team-card').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/address-approximate.png`, fullPage: true });
  });
});
