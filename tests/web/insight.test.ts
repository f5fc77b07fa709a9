// The gemeente's analist at work (issue 17): signs in, opens "Inzicht", sees the coverage of
// the demo gemeente as a choropleth with a legend and reads the gaps per buurt in the table;
// then the real gemeente Hengelo (imported with its CBS figures: every buurt a gap). axe clean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FeatureCollection, importAreas } from '../../server/areas/areas.import';
import { coverageOf } from '../../server/insight/coverage.queries';
import { DEFAULT_INSIGHT_TEAM_TYPES } from '../../server/config';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { ARTIFACTS, axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

const WAIT = 60_000;
const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

async function violations(page: Page): Promise<string[]> {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describeBrowser('the analist reads the coverage of the buurten', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp();
    await importAreas(b.testApp.database.db, ['hengelo-gemeente', 'hengelo-wijken', 'hengelo-buurten']
      .map((f) => JSON.parse(readFileSync(path.join(SHARED, `${f}.geojson`), 'utf8')) as FeatureCollection));
    // The demo serves every buurt with every type of the basic set; here ouderenwerk stops
    // serving Beekdal (many 65+) and jongerenwerk Vogelwijk (many children), as an editor would.
    const db = b.testApp.database.db;
    for (const [type, buurt] of [['elderly_welfare', 'BU99010106'], ['youth_work', 'BU99010104']] as const) {
      await db.deleteFrom('team_areas').where('area_code', '=', buurt)
        .where('team_id', 'in', db.selectFrom('teams').select('id').where('team_type', '=', type)).execute();
    }
    page = await b.newPage({ width: 1280, height: 900 });
    page.setDefaultTimeout(WAIT);
  });
  afterAll(async () => { await b?.close(); });

  it('signs in, opens Inzicht for the demo gemeente, reads the gaps per buurt in the table and sees the map with its legend', async () => {
    await page.goto(`${b.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.analist.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.analist.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // the analist sees people as residents do: its banner says so, and nothing of 06 numbers
    expect(await page.getByTestId('pro-banner').textContent()).not.toContain('06');
    await page.getByRole('link', { name: 'Inzicht' }).click();
    await page.getByRole('heading', { level: 1, name: /Inzicht/ }).waitFor();
    await page.getByLabel('Gemeente of wijk').selectOption({ label: 'Lindeburg' });
    await page.getByRole('button', { name: 'Toon' }).click();
    const table = page.getByRole('table', { name: /Dekking per buurt in Lindeburg/ });
    await table.waitFor();

    // the table says what the server computed, in words: per buurt the missing types by name
    const expected = (await coverageOf(b.testApp.database.db, 'GM9901', DEFAULT_INSIGHT_TEAM_TYPES))!;
    const labels = new Map((await b.testApp.database.db.selectFrom('team_types').select(['key', 'label_nl']).execute()).map((r) => [r.key, r.label_nl]));
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    for (const [i, buurt] of expected.buurten.entries()) {
      const row = rows.nth(i);
      expect(await row.locator('th').textContent()).toBe(buurt.name);
      const gaps = (await row.locator('td').nth(4).textContent())!;
      if (buurt.gaps.length === 0) expect(gaps).toBe('Niets');
      else expect(gaps.split(', ').sort()).toEqual(buurt.gaps.map((g) => labels.get(g.type)).sort());
    }
    expect(expected.totals.gaps).toBe(2);
    // largest gap first, named in words
    expect(await rows.nth(0).locator('td').nth(4).textContent()).toMatch(/^(Ouderenadvies \/ ouderenwerk|Jongerenwerk)$/);

    // one colour per buurt on the map, and the legend in words
    await expect.poll(() => page.locator('path.choropleth').count(), { timeout: WAIT }).toBe(7);
    expect(await page.getByTestId('coverage-legend').textContent()).toContain('geen gaten');
    expect(await page.getByRole('link', { name: /spreadsheet/ }).getAttribute('href')).toBe('/api/insight/coverage?area=GM9901&format=csv');
    await page.screenshot({ path: `${ARTIFACTS}/insight-coverage-lindeburg.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);

    // Hengelo: real CBS figures, no teams yet, so every buurt misses all nine types
    await page.getByLabel('Gemeente of wijk').selectOption({ label: 'Hengelo' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByRole('table', { name: /Dekking per buurt in Hengelo/ }).waitFor();
    await expect.poll(() => page.locator('path.choropleth').count(), { timeout: WAIT }).toBe(62);
    expect(await page.getByText('62 van de 62 buurten missen hulp').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/insight-coverage-hengelo.png`, fullPage: true });

    // the area page tells the figures in words, with their source
    await page.getByRole('link', { name: 'Binnenstad-Centrum' }).click();
    expect(await page.getByTestId('area-figures').textContent()).toMatch(/^880 inwoners, 615 huishoudens, 19% is 65 of ouder, 6% is jonger dan 15.*Bron: Kadaster \/ CBS, 2019\.$/);
  });
});
