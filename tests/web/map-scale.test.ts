// The map in a real browser asks only for its viewport (bbox, zoom) and asks again when
// panned; area names from imported files are shown as text, never run as HTML.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importAreas } from '../../server/areas/areas.import';
import { describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

const EVIL = '<img src=x onerror=alert(1)>';
const square = (lon: number, lat: number, d: number) =>
  ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });

function mapRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (r: Request) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/map/') || u.pathname === '/api/areas') seen.push(u); });
  return seen;
}

describeBrowser('web: the map at scale', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
    // A buurt inside the demo wijk and a gemeente beside it, both named as an attack.
    await importAreas(b.testApp.database.db, [{
      type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { buurtcode: 'BU99010199', buurtnaam: EVIL, wijkcode: 'WK990101', gemeentecode: 'GM9901' }, geometry: square(5.345, 52.372, 0.004) },
        { type: 'Feature', properties: { gemeentecode: 'GM9902', gemeentenaam: EVIL }, geometry: square(5.40, 52.30, 0.2) },
      ],
    }]);
  });
  afterAll(async () => { await b?.close(); });

  it('asks for markers and boundaries of the viewport only, and again after a pan', async () => {
    const page = await b.newPage();
    const seen = mapRequests(page);
    await page.goto(`${b.baseUrl}/kaart`);
    await page.waitForSelector('.leaflet-overlay-pane path');
    await page.waitForSelector('.team-marker, .cluster-marker');
    const map = seen.filter((u) => u.pathname === '/api/map/markers' || u.pathname === '/api/map/boundaries');
    expect(map.length).toBeGreaterThanOrEqual(2);
    for (const u of map) expect(u.searchParams.get('bbox'), u.toString()).toMatch(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/);
    for (const u of map.filter((x) => x.pathname === '/api/map/markers')) expect(Number(u.searchParams.get('zoom'))).toBeGreaterThan(0);
    for (const u of map.filter((x) => x.pathname === '/api/map/boundaries')) expect(u.searchParams.get('band')).toMatch(/^(low|mid|high)$/);
    // The area picker asks for one level, paged.
    expect(seen.filter((u) => u.pathname === '/api/areas').every((u) => u.searchParams.get('kind') === 'buurt' && u.searchParams.get('per_page'))).toBe(true);
    const before = seen.filter((u) => u.pathname === '/api/map/markers').length;
    const firstBox = map.find((u) => u.pathname === '/api/map/markers')!.searchParams.get('bbox');

    // Drag the map far to the left: the new view leaves the margin, so both are asked again.
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 40, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width - 40 - i * ((box.width - 80) / 10), y);
    await page.mouse.up();
    await expect.poll(() => seen.filter((u) => u.pathname === '/api/map/markers').length, { timeout: 10_000 }).toBeGreaterThan(before);
    const last = seen.filter((u) => u.pathname === '/api/map/markers').at(-1)!;
    expect(last.searchParams.get('bbox')).not.toBe(firstBox);
    const [west] = last.searchParams.get('bbox')!.split(',').map(Number);
    expect(west).toBeGreaterThan(Number(firstBox!.split(',')[0]));
    await page.close();
  });

  it('shows an imported name as text: nothing runs, the label reads the name literally', async () => {
    const page = await b.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const errors: string[] = [];
    page.on('request', (r) => { if (/\/x$/.test(new URL(r.url()).pathname)) errors.push(r.url()); });
    // The buurt: a permanent label once zoomed in.
    await page.goto(`${b.baseUrl}/kaart?lat=52.374&lon=5.347&z=16`);
    const label = page.locator('.leaflet-tooltip.area-label--buurt', { hasText: EVIL });
    await label.waitFor({ state: 'attached' });
    expect(await label.textContent()).toBe(EVIL);
    expect(await page.locator('.leaflet-tooltip img').count()).toBe(0);
    // The gemeente: its name on hover at the national view.
    await page.goto(`${b.baseUrl}/kaart?lat=52.40&lon=5.50&z=9`);
    await page.waitForSelector('.leaflet-overlay-pane path.leaflet-interactive');
    const paths = page.locator('.leaflet-overlay-pane path.leaflet-interactive');
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    // hover where the attack gemeente lies (east of the demo wijk): the map centre is inside it
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.leaflet-tooltip').allTextContents(), { timeout: 10_000 }).toContain(EVIL);
    expect(await paths.count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-tooltip img').count()).toBe(0);
    // no <img> exists in any tooltip (checked above), so no onerror handler can still fire
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]); // an <img src=x> would have asked for /x
    await page.close();
  });
});
