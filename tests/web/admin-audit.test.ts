// The admin's audit log as a person uses it: signs in, opens the account menu, "Logboek",
// picks an account and a kind of event, a period, and pages through it — all in words. And,
// everywhere a signed-in admin goes (the widest header), the header keeps to one line at
// 1280 px and axe finds no violation of any impact.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { ARTIFACTS, axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { checkEverythingAgain } from '../helpers/review-fixture';

const WAIT = 60_000;

async function violations(page: Page): Promise<string[]> {
  const result = await axeBuilder(page).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** The header's parts all sit on one row: their tops differ by less than a line. */
async function headerRows(page: Page): Promise<number> {
  return page.locator('.site-header__inner > *').evaluateAll((els) => {
    const tops = els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Math.round(e.getBoundingClientRect().top / 24));
    return new Set(tops).size;
  });
}

describeBrowser('the admin and the audit log', () => {
  let b: BrowserApp;
  let page: Page;
  let professionalId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    await checkEverythingAgain(db);
    professionalId = (await db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow()).id;
    // what the professional did: a failed and a successful sign-in (through the real API), and
    // 30 earlier sign-ins in March 2026 so the log has pages
    await b.testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_ACCOUNTS.professional.email, password: 'niet-het-goede-wachtwoord' }, remoteAddress: '127.9.9.1' });
    await b.testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO_ACCOUNTS.professional, remoteAddress: '127.9.9.2' });
    await db.insertInto('audit_log').values(Array.from({ length: 30 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 2, 1 + (i % 28), 9, i)).toISOString(), actor_account_id: professionalId, action: 'login',
      entity_type: 'account', entity_id: professionalId, before: null, after: null, meta: null,
    }))).execute();
    page = await b.newPage({ width: 1280, height: 800 });
    page.setDefaultTimeout(WAIT);
  });
  afterAll(async () => { await b?.close(); });

  it('signs in as admin, finds "Logboek" in the account menu, filters by account, kind and period, and pages', async () => {
    await page.goto(b.baseUrl);
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.admin.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.admin.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByTestId('pro-start').waitFor();
    expect(await headerRows(page)).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/admin-header-1280.png` });

    await page.getByTestId('account-button').click();
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await page.getByTestId('audit-table').waitFor();

    await page.getByLabel('Account', { exact: true }).selectOption({ label: DEMO_ACCOUNTS.professional.email });
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Mislukte inlogpogingen' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('1 regel (pagina 1 van 1).');
    const row = page.getByTestId('audit-table').locator('tbody tr');
    expect(await row.locator('td').allTextContents()).toEqual([
      expect.any(String), 'niemand ingelogd', 'Inloggen mislukt (verkeerd wachtwoord)', DEMO_ACCOUNTS.professional.email,
    ]);
    expect(await page.getByTestId('audit-table').textContent()).not.toContain('login_failed');
    expect(await violations(page)).toEqual([]);

    // sign-ins in March 2026: 30 of them, two pages of 25
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Inloggen' });
    await page.getByLabel('Van', { exact: true }).fill('2026-03-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-03-31');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('30 regels (pagina 1 van 2).');
    expect(new Set(await page.getByTestId('audit-table').locator('tbody td:nth-child(3)').allTextContents())).toEqual(new Set(['Ingelogd']));
    await page.getByRole('link', { name: 'Volgende pagina' }).click();
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('30 regels (pagina 2 van 2).');
    expect(await page.getByTestId('audit-table').locator('tbody tr').count()).toBe(5);
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe('2026-03-01'); // the filters stay
    // a reload keeps the view (the filters are in the address)
    await page.reload();
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('30 regels (pagina 2 van 2).');
    await page.screenshot({ path: `${ARTIFACTS}/audit-log.png`, fullPage: true });
  });

  // twelve pages with axe each: minutes on a busy two-core machine
  it('every signed-in page keeps the header on one line at 1280 px and has no axe violation', { timeout: 300_000 }, async () => {
    const db = b.testApp.database.db;
    const team = await db.selectFrom('teams').select('id').orderBy('name').executeTakeFirstOrThrow();
    const person = await db.selectFrom('people').select('id').where('archived_at', 'is', null).orderBy('family_name').executeTakeFirstOrThrow();
    const buurt = await db.selectFrom('areas').select('code').where('kind', '=', 'buurt').orderBy('code').executeTakeFirstOrThrow();
    const pages = ['/', `/adres?postcode=1372AA&nummer=1`, `/teams/${team.id}`, `/mensen/${person.id}`, `/gebieden/${buurt.code}`,
      '/zoeken?q=schulden', '/account', '/mijn-gegevens', '/uitnodigen', '/te-controleren', '/beheer/logboek', '/kennismaken'];
    const found: string[] = [];
    for (const path of pages) {
      const started = Date.now();
      await page.goto(`${b.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      if ((await headerRows(page)) !== 1) found.push(`${path}: header on several lines`);
      for (const v of await violations(page)) found.push(`${path}: ${v}`);
      console.log(`${path}: checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    expect(found).toEqual([]);
  });
});
