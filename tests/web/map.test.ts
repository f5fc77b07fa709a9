// The map view in a real browser against the real server: boundaries, clustered markers,
// filters driving map and list together, deep links, buurt selection, accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getJson } from '../helpers/app';
import { ARTIFACTS, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

/** Sum of all cluster counts plus single markers currently on the map. */
async function markerTotal(page: Page): Promise<{ total: number; clusters: number; singles: number }> {
  return page.evaluate(() => {
    const clusters = [...document.querySelectorAll('.cluster-marker > [aria-hidden]')].map((e) => Number(e.textContent));
    const singles = document.querySelectorAll('.team-marker').length;
    return { total: clusters.reduce((a, b) => a + b, 0) + singles, clusters: clusters.length, singles };
  });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

describeBrowser('web: the map view (/kaart)', () => {
  let b: BrowserApp;
  let page: Page;
  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage();
  });
  afterAll(async () => { await b?.close(); });

  it('draws buurt and wijk boundaries with names and the team markers, clustered', async () => {
    await page.goto(`${b.baseUrl}/kaart`);
    await page.waitForSelector('.leaflet-overlay-pane path');
    await page.waitForSelector('.team-marker, .cluster-marker');
    const { body: buurten } = await getJson(b.testApp.app, '/api/map/boundaries?kind=buurt');
    const { body: markers } = await getJson(b.testApp.app, '/api/map/markers');
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(buurten.features.length + 1);
    const labels = await page.locator('.area-label--buurt').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(buurten.features.map((f: any) => f.properties.name)));
    // The initial view shows the whole wijk: every marker is on the map, alone or in a cluster.
    await expect.poll(async () => (await markerTotal(page)).total).toBe(markers.items.length);
    const counts = await markerTotal(page);
    expect(counts.clusters).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-attribution').textContent()).toMatch(/CBS|Centraal Bureau voor de Statistiek/);
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('Kadaster');
    // The list is the same result set: the live region announces its count.
    await expect.poll(() => page.locator('#results-title').textContent()).toMatch(/\d+ teams gevonden/);
    await page.screenshot({ path: `${ARTIFACTS}/map.png` });
    // One wave before the map can draw: the page carries the map's configuration and extent,
    // so who is signed in (asked once), the taxonomy, and the boundaries and markers of the
    // view the map opens on are all asked before any of them has answered, and the map takes
    // those answers (its own view agrees with the one worked out at the page start).
    const first = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => ({ path: new URL(e.name).pathname, url: e.name, start: e.startTime, end: e.responseEnd })));
    expect(first.filter((e) => e.path === '/api/auth/me')).toHaveLength(1);
    expect(first.filter((e) => e.path === '/api/config' || e.path === '/api/map/extent')).toEqual([]);
    const boundaries = first.filter((e) => e.path === '/api/map/boundaries');
    const markerAsks = first.filter((e) => e.path === '/api/map/markers');
    // the demo wijk opens zoomed in: wijken and buurten, each asked once, and the markers once
    expect(boundaries.map((e) => new URL(e.url).searchParams.get('kind')).sort()).toEqual(['buurt', 'wijk']);
    expect(markerAsks).toHaveLength(1);
    // the buurt picker's first page too, asked once, with the rest (not when its chunk mounts)
    const buurtList = first.filter((e) => e.path === '/api/areas' && new URL(e.url).searchParams.get('kind') === 'buurt');
    expect(buurtList).toHaveLength(1);
    const wave = [...first.filter((e) => ['/api/auth/me', '/api/topics', '/api/team-types'].includes(e.path)), ...boundaries, ...markerAsks, ...buurtList];
    expect(Math.max(...wave.map((e) => e.start))).toBeLessThan(Math.min(...wave.map((e) => e.end)));
  });

  it('filters change the map and the list together, and the URL', async () => {
    await page.locator('summary', { hasText: 'Soort team' }).click();
    await page.locator('input[name="type"][value="social_district_team"]').check();
    await page.waitForURL(/type=social_district_team/);
    const { body: markers } = await getJson(b.testApp.app, '/api/map/markers?type=social_district_team');
    const { body: teams } = await getJson(b.testApp.app, '/api/teams?type=social_district_team');
    await expect.poll(async () => (await markerTotal(page)).total).toBe(markers.items.length);
    await expect.poll(() => page.locator('[data-testid="result-list"] .team-card').count()).toBe(teams.total);
    expect(await page.locator('#results-title').textContent()).toBe(`${teams.total} teams gevonden`);
    await expect.poll(() => page.getByTestId('live-region').textContent()).toBe(`${teams.total} teams gevonden`);
    const badges = await page.locator('[data-testid="result-list"] .type-badge').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['SW']));
  });

  it('restores view, filters and selection from a deep link after a reload', async () => {
    const { body: teams } = await getJson(b.testApp.app, '/api/teams?type=social_district_team&topic=debts');
    const team = teams.items[0];
    const loc = team.locations[0];
    const url = `${b.baseUrl}/kaart?lat=${loc.lat}&lon=${loc.lon}&z=17&type=social_district_team&topic=debts&team=${team.id}`;
    await page.goto(url);
    await page.reload();
    await page.waitForSelector('[data-testid="selection"] .team-card');
    expect(await page.locator('[data-testid="selection"]').textContent()).toContain(team.name);
    expect(await page.locator('input[name="type"][value="social_district_team"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="topic"][value="debts"]').isChecked()).toBe(true);
    await page.waitForSelector('.team-marker.is-selected');
    const q = new URL(page.url()).searchParams;
    expect(Number(q.get('z'))).toBe(17);
    expect(Math.abs(Number(q.get('lat')) - loc.lat)).toBeLessThan(0.0005);
    expect(q.get('team')).toBe(team.id);
    // A marker click selects its team; so does Enter on a focused marker.
    await page.goto(`${b.baseUrl}/kaart?lat=${loc.lat}&lon=${loc.lon}&z=17`);
    await page.locator('.team-marker').first().click();
    await page.waitForURL(/team=/);
    await page.waitForSelector('[data-testid="selection"] .team-card');
    await page.goto(`${b.baseUrl}/kaart?lat=${loc.lat}&lon=${loc.lon}&z=17`);
    await page.locator('.leaflet-marker-icon:has(.team-marker)').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/team=/);
  });

  it('shows who serves a buurt when it is clicked or chosen', async () => {
    await page.goto(`${b.baseUrl}/kaart`);
    await page.waitForSelector('.leaflet-overlay-pane path.leaflet-interactive');
    const { body: area } = await getJson(b.testApp.app, '/api/areas/BU99010101');
    await page.selectOption('#buurt-select', area.code);
    await page.waitForSelector('[data-testid="selection"] .selected-area');
    expect(await page.locator('[data-testid="selection"]').textContent()).toContain(`Wie werkt er in ${area.name}?`);
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await page.locator('.leaflet-overlay-pane path.leaflet-interactive').first().dispatchEvent('click');
    await page.waitForURL(/buurt=BU/);
    await page.waitForSelector('[data-testid="selection"] .selected-area');
    await page.locator('[data-testid="selection"] a.button').click();
    await page.waitForURL(/\/gebieden\/BU/);
  });

  it('opens on the buurt a link names (as the address page links), zoomed to it', async () => {
    const { body: area } = await getJson(b.testApp.app, '/api/areas/BU99010106');
    const [minLon, minLat, maxLon, maxLat] = area.bbox;
    await page.goto(`${b.baseUrl}/kaart?buurt=${area.code}`);
    await page.waitForSelector('[data-testid="selection"] .selected-area');
    await page.waitForURL(/lat=/); // the map writes its view once it has one
    const q = new URL(page.url()).searchParams;
    const [lat, lon] = [Number(q.get('lat')), Number(q.get('lon'))];
    expect(lat).toBeGreaterThan(minLat);
    expect(lat).toBeLessThan(maxLat);
    expect(lon).toBeGreaterThan(minLon);
    expect(lon).toBeLessThan(maxLon);
    expect(Number(q.get('z'))).toBeGreaterThanOrEqual(15);
  });

  it('has no serious or critical axe violations, needs no outside host, and reflows at 320 px', async () => {
    await page.goto(`${b.baseUrl}/kaart?type=gp_practice`);
    await page.waitForSelector('.team-marker, .cluster-marker');
    await page.waitForSelector('[data-testid="result-list"] .team-card');
    expect(await seriousViolations(page)).toEqual([]);
    expect(b.outside.other).toEqual([]);
    const narrow = await b.newPage({ width: 320, height: 640 });
    await narrow.goto(`${b.baseUrl}/kaart`);
    await narrow.waitForSelector('[data-testid="result-list"] .team-card');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.screenshot({ path: `${ARTIFACTS}/map-320.png`, fullPage: true });
    await narrow.close();
  });
});
