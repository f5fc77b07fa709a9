// Kennismaken in a real browser: a new member signs in, opens the pack, marks three people
// as met by keyboard and pointer and sees the progress; an editor adds someone to a team
// through the API and the wijk's feed shows it; the print list; axe has no serious findings.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WIJK } from '../../seeds/demo/areas';
import { stableId } from '../../seeds/ids';
import { createAccount, DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { getJson } from '../helpers/app';
import { ARTIFACTS, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

describeBrowser('web: kennismaken, who I have met and the change feed', () => {
  let b: BrowserApp;
  let page: Page;
  const email = 'nieuwe-collega@test.invalid';
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    // a new member of a huisartsenpraktijk: someone the wijkteam should get to know, and who gets to know the wijk
    const gp = await db.selectFrom('teams').select('id').where('team_type', '=', 'gp_practice').orderBy('name').executeTakeFirstOrThrow();
    const person = await db.insertInto('people').values({ given_name: 'Fleur', family_name: 'Fris', job_title: 'POH-GGZ' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ person_id: person.id, team_id: gp.id, role: 'POH-GGZ', since: new Date().toISOString().slice(0, 10) }).execute();
    await createAccount(db, { email, password, role: 'professional', personId: person.id });
    page = await b.newPage({ width: 390, height: 844 }); // a phone
  });
  afterAll(async () => { await b?.close(); });

  it('a new member signs in, opens the pack, marks three people as met and sees the progress', async () => {
    await page.goto(b.baseUrl);
    const status = await page.evaluate(async ([e, p]) => (await fetch('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: e, password: p }),
    })).status, [email, password] as const);
    expect(status).toBe(200);
    await page.goto(`${b.baseUrl}/kennismaken`);
    await page.waitForSelector('[data-testid="kennismaken"]');
    expect(await page.locator('h1').textContent()).toBe(`Kennismaken met ${WIJK.name}`);
    // a huisarts meets the wijkteam first (server/domain/kennismaken.ts)
    expect(await page.getByTestId('pack-team').first().getAttribute('data-team-type')).toBe('social_district_team');
    const progress = page.getByTestId('progress');
    expect(await progress.textContent()).toMatch(/0 van \d+ Sociaal wijkteam/);

    const toggles = page.locator('button.met-toggle');
    expect(await toggles.first().getAttribute('aria-pressed')).toBe('false');
    await toggles.nth(0).click();
    await page.waitForFunction(() => document.querySelectorAll('button.met-toggle[aria-pressed="true"]').length === 1);
    await toggles.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('button.met-toggle[aria-pressed="true"]').length === 2);
    await toggles.nth(2).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('button.met-toggle[aria-pressed="true"]').length === 3);
    await page.waitForFunction(() => /3 van \d+ Sociaal wijkteam/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ''));
    await page.waitForFunction(() => /staat nu bij ontmoet/.test(document.querySelector('[data-testid="live-region"]')?.textContent ?? ''));
    // after a reload the marks are still there (server-side, not in the browser)
    await page.reload();
    await page.waitForSelector('[data-testid="kennismaken"]');
    expect(await page.locator('button.met-toggle[aria-pressed="true"]').count()).toBe(3);
    expect(await page.locator('.site-nav a[href="/kennismaken"]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/kennismaken.png`, fullPage: true });
  });

  it('the print list has the faces and no met marks', async () => {
    await page.goto(`${b.baseUrl}/kennismaken/print`);
    await page.waitForSelector('[data-testid="print-pack"]');
    expect(await page.locator('.print-pack__people li').count()).toBeGreaterThan(20);
    expect(await page.locator('.met-toggle').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an editor adds a person to a team through the API and the feed shows it', async () => {
    const app = b.testApp.app;
    const editor = await signIn(app, DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    const employer = (await b.testApp.database.db.selectFrom('teams').select('organisation_id').where('id', '=', stableId('team', 'wijkteam_oost')).executeTakeFirstOrThrow()).organisation_id; // the editor's own organisation
    const newcomer = await b.testApp.database.db.insertInto('people').values({ given_name: 'Sem', family_name: 'Startersma', job_title: 'Wijkcoach', organisation_id: employer }).returning('id').executeTakeFirstOrThrow();
    const res = await app.inject({ method: 'POST', url: '/api/memberships', headers: { cookie: editor, origin: 'http://localhost:80', 'content-type': 'application/json' },
      payload: JSON.stringify({ person_id: newcomer.id, team_id: stableId('team', 'wijkteam_oost'), role: 'wijkcoach' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect((await getJson(app, `/api/areas/${WIJK.code}/changes`)).status).toBe(401);

    await page.goto(`${b.baseUrl}/kennismaken`);
    await page.waitForSelector('[data-testid="kennismaken"]');
    await page.locator(`a[href="/wijk/${WIJK.code}/wijzigingen"]`).click();
    await page.waitForSelector('[data-testid="changes"] .change');
    const first = page.locator('.change').first();
    expect(await first.getAttribute('data-kind')).toBe('joined');
    expect(await first.textContent()).toContain('Sem Startersma');
    expect(await first.textContent()).toContain('Nieuw in de wijk');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
