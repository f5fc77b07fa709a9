// Two people's tasks, done the way they would do them. A new team member on a phone signs
// in, opens kennismaken and meets the teams at once (one line of progress above them), reads
// what changed in the wijk (the demo's recent joins, leavers and role change), finds a
// "nieuw" face on a team page, and has most of the screen for the map. An editor at a desk
// signs in, sees "Te controleren (n)" in the header, opens a record and confirms it in one
// click; an edit that is saved says it is no check; the history speaks in words. The
// editor's task is timed (clicks and seconds, sign-in to confirmed record). axe: nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WIJK } from '../../seeds/demo/areas';
import { personSlug } from '../../seeds/demo/people';
import { RECENT_JOINERS, RECENT_LEAVERS } from '../../seeds/demo/recent-changes';
import { stableId } from '../../seeds/ids';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { getJson } from '../helpers/app';
import { axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { ageFixture, type ReviewFixture } from '../helpers/review-fixture';

async function violations(page: Page) {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

async function signInThroughForm(page: Page, baseUrl: string, account: { email: string; password: string }, next: string) {
  await page.goto(`${baseUrl}/inloggen?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForSelector('[data-testid="account-button"]');
}

describeBrowser('web: a new team member meets the wijk', () => {
  let b: BrowserApp;
  let page: Page;
  const joiner = RECENT_JOINERS.find((j) => j.team === 'jgt')!;

  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage({ width: 390, height: 844 }); // a phone
    await signInThroughForm(page, b.baseUrl, DEMO_ACCOUNTS.professional, '/kennismaken');
  });
  afterAll(async () => { await b?.close(); });

  it('opens kennismaken and sees one line of progress with the teams to meet first right under it', async () => {
    await page.waitForSelector('[data-testid="kennismaken"]');
    const line = page.getByTestId('known-line');
    expect(await line.textContent()).toMatch(new RegExp(`^U kent 0 van de \\d+ collega's in ${WIJK.name}\\.$`));
    // the first team to meet starts on the first screen, no progress bars before it
    const firstTeam = page.locator('[data-testid="meet-first"] [data-testid="pack-team"]').first();
    const box = (await firstTeam.boundingBox())!;
    expect(box.y).toBeLessThan(844);
    const lineBox = (await line.boundingBox())!;
    expect(lineBox.y).toBeLessThan(box.y);
    expect(await page.locator('progress').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length)).toBe(0);
    console.info(`[newcomer] first team to meet starts at ${Math.round(box.y)} px of 844 on a phone`);

    // marking someone as met moves the line
    await firstTeam.locator('button.met-toggle').first().click();
    await page.waitForFunction(() => /^U kent 1 van/.test(document.querySelector('[data-testid="known-line"]')?.textContent ?? ''));
    expect(await violations(page)).toEqual([]);
  });

  it('reads what changed in the wijk and finds the new colleague, marked, on the team page', async () => {
    await page.getByRole('link', { name: 'Wat is er veranderd in de wijk' }).click();
    await page.waitForSelector('[data-testid="changes"] .change');
    const kinds = await page.locator('.change').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.filter((k) => k === 'joined')).toHaveLength(RECENT_JOINERS.length);
    expect(kinds.filter((k) => k === 'left')).toHaveLength(RECENT_LEAVERS.length);
    expect(kinds).toContain('role_changed');
    const text = (await page.getByTestId('changes').textContent())!;
    expect(text).toContain(`${joiner.given} ${joiner.family}`);
    expect(text).not.toContain('niets veranderd');
    expect(await violations(page)).toEqual([]);

    await page.goto(`${b.baseUrl}/teams/${stableId('team', 'jgt')}`);
    await page.waitForSelector('[data-testid="team-page"] [data-testid="person-card"]');
    const card = page.getByTestId('person-card').filter({ hasText: `${joiner.given} ${joiner.family}` });
    expect(await card.getByTestId('new-mark').textContent()).toBe('Nieuw in de wijk');
    // only the newcomer carries the mark on this team
    expect(await page.getByTestId('new-mark').count()).toBe(1);
    expect(await violations(page)).toEqual([]);

    // the person page says so too
    await page.goto(`${b.baseUrl}/mensen/${stableId('person', personSlug(joiner))}`);
    await page.waitForSelector('[data-testid="person-page"]');
    expect(await page.getByTestId('new-mark').count()).toBe(1);

    // and so does search, where a professional looks a colleague up by name
    await page.goto(`${b.baseUrl}/zoeken?q=${encodeURIComponent(`${joiner.given} ${joiner.family}`)}`);
    const hit = page.locator('.search-results__title').filter({ hasText: `${joiner.given} ${joiner.family}` });
    await hit.first().waitFor();
    expect(await hit.first().getByTestId('new-mark').textContent()).toBe('Nieuw in de wijk');
  });

  it('leaves most of a phone screen to the map, and buurt names above the cluster badges', async () => {
    await page.goto(`${b.baseUrl}/kaart`);
    await page.waitForSelector('.leaflet-container');
    const map = (await page.locator('.leaflet-container').boundingBox())!;
    const banner = Math.round((await page.getByTestId('pro-banner').boundingBox())!.height);
    console.info(`[newcomer] map on a 390×844 phone: header with banner ${Math.round(map.y)} px (banner ${banner} px), map ${Math.round(map.height)} px high`);
    // was 290 px of header and banner before the map (issue 15)
    expect(map.y).toBeLessThanOrEqual(160);
    expect(map.height).toBeGreaterThanOrEqual(844 * 0.6);
    // the whole banner sentence is still there for a screen reader
    expect(await page.getByTestId('pro-banner').textContent()).toContain('Deel ze niet met inwoners');
    // names are drawn in a pane above the markers (and let clicks through to them)
    const z = await page.evaluate(() => {
      const z = (sel: string) => Number(getComputedStyle(document.querySelector(sel)!).zIndex);
      return { labels: z('.leaflet-area-labels-pane'), markers: z('.leaflet-marker-pane'), events: getComputedStyle(document.querySelector('.leaflet-area-labels-pane')!).pointerEvents };
    });
    expect(z.labels).toBeGreaterThan(z.markers);
    expect(z.events).toBe('none');
  });
});

describeBrowser('web: an editor confirms a record', () => {
  let b: BrowserApp;
  let page: Page;
  let fx: ReviewFixture;

  beforeAll(async () => {
    b = await startBrowserApp();
    fx = await ageFixture(b.testApp.database.db, new Date());
    page = await b.newPage({ width: 1280, height: 800 });
  });
  afterAll(async () => { await b?.close(); });

  it('signs in, sees "Te controleren (n)", opens a record and confirms it in one click (timed)', async () => {
    let clicks = 0;
    const click = async (run: () => Promise<void>) => { clicks += 1; await run(); };
    const started = performance.now();
    await page.goto(`${b.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.editor.password);
    await click(() => page.getByRole('button', { name: 'Inloggen' }).click());
    const nav = page.getByTestId('review-nav');
    await page.waitForFunction(() => /\(\d+\)/.test(document.querySelector('[data-testid="review-nav"]')?.textContent ?? ''));
    const count = Number((await nav.textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThanOrEqual(4); // the fixture's stale and hidden teams and people
    expect(await nav.textContent()).toBe(`Te controleren (${count})`);
    // in the header's navigation, and the header still on one line at 1280 px
    expect(await page.locator('nav.site-nav [data-testid="review-nav"]').count()).toBe(1);
    const centres = await page.locator('.site-header__inner > *').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return Math.round(r.top + r.height / 2);
    }));
    console.info(`[editor] header at 1280 px: item centres ${centres.join(', ')} px`);
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(20);

    await click(() => nav.click());
    await page.waitForSelector('[data-testid="review-row"]');
    const row = page.getByTestId('review-row').filter({ hasText: fx.teams.stale.name });
    await click(() => row.getByRole('link', { name: fx.teams.stale.name }).click());
    await page.waitForSelector('[data-testid="team-page"]');
    await click(() => page.getByTestId('verify-button').click());
    await page.waitForSelector('[data-testid="verified-now"]');
    const seconds = (performance.now() - started) / 1000;
    await page.waitForFunction((n) => document.querySelector('[data-testid="review-nav"]')?.textContent === `Te controleren (${n})`, count - 1);
    console.info(`[editor] sign-in to a confirmed record: ${clicks} clicks, ${seconds.toFixed(1)} s (typing e-mail and password not counted as clicks)`);
    expect(clicks).toBeLessThanOrEqual(4);
    const team = await getJson(b.testApp.app, `/api/teams/${fx.teams.stale.id}`);
    expect(team.body.stale).toBe(false);
    expect(await violations(page)).toEqual([]);
  });

  it('saving an edit says it is no check, and "Klopt nog" on the edit page is one click', async () => {
    await page.goto(`${b.baseUrl}/teams/${fx.teams.hidden.id}/bewerken`);
    await page.waitForSelector('[data-testid="team-edit"]');
    await page.getByLabel('Inloopspreekuur').fill('Dinsdag 9.00 - 11.00 uur in het wijkcentrum');
    // with a change not yet saved, "Klopt nog" waits
    expect(await page.getByTestId('verify-after-save').count()).toBe(1);
    const checked = async () => String((await b.testApp.database.db.selectFrom('teams').select('last_verified_at')
      .where('id', '=', fx.teams.hidden.id).executeTakeFirstOrThrow()).last_verified_at);
    const before = await checked();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Dit telt niet als controle').waitFor();
    expect(await checked()).toBe(before);
    expect(await violations(page)).toEqual([]);

    await page.getByTestId('verify-button').click();
    await page.waitForSelector('[data-testid="verified-now"]');
    expect(await checked()).not.toBe(before);
    // the form goes on from the new version: another save is no conflict
    await page.getByLabel('Inloopspreekuur').fill('Dinsdag 9.00 - 12.00 uur in het wijkcentrum');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Dit telt niet als controle').waitFor();
  });

  it('reads the history in words: the form\'s field names and buurt names, no codes', async () => {
    const db = b.testApp.database.db;
    const team = fx.teams.hidden.id;
    const areas = (await db.selectFrom('team_areas').select('area_code').where('team_id', '=', team).execute()).map((r) => r.area_code);
    const other = (await db.selectFrom('areas').select(['code', 'name']).where('kind', '=', 'buurt').execute()).find((a) => !areas.includes(a.code))!;
    await page.goto(`${b.baseUrl}/teams/${team}/bewerken`);
    await page.waitForSelector('[data-testid="team-edit"]');
    await page.getByRole('checkbox', { name: other.name }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Dit telt niet als controle').waitFor();

    await page.goto(`${b.baseUrl}/teams/${team}`);
    await page.getByText('Geschiedenis').click();
    await page.waitForSelector('[data-testid="history-list"] table');
    const history = (await page.getByTestId('history-list').textContent())!;
    expect(history).toContain('Inloopspreekuur');
    expect(history).toContain('Buurten waar het team werkt');
    expect(history).toContain(other.name);
    expect(history).not.toMatch(/BU\d{8}|walk_in_hours|location_ids|last_verified_at/);
    // no cell breaks inside a word: the longest word of every cell fits the cell's width
    const broken = await page.locator('.history-changes th, .history-changes td').evaluateAll((cells) => cells.flatMap((cell) => {
      const style = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${style.font}`;
      document.body.append(probe);
      const wide = (cell.textContent ?? '').split(/\s+/).filter((word) => { probe.textContent = word; return probe.getBoundingClientRect().width > room + 0.5; });
      probe.remove();
      return wide;
    }));
    expect(broken).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
});
