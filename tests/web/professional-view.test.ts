// The professional half, as a person uses it: sign in as the demo professional, see a
// colleague's 06 number on a team page, in search and on the map's buurt panel; sign out,
// and it is gone at once — also after going Back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { checkEverythingAgain } from '../helpers/review-fixture';

describeBrowser('the professional view', () => {
  let b: BrowserApp;
  let page: Page;
  let team: { id: string; name: string };
  let colleague: { name: string; mobile: string; buurt: string };

  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage();
    // the demo has long-unchecked records that residents no longer see: check them first
    await checkEverythingAgain(b.testApp.database.db);
    // A team with a member who keeps their 06 number from residents (professionals only).
    const row = await b.testApp.database.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .innerJoin('teams as t', 't.id', 'm.team_id').innerJoin('team_areas as ta', 'ta.team_id', 't.id')
      .select(['t.id', 't.name', 'p.given_name', 'p.family_name', 'p.phone_mobile', 'ta.area_code'])
      .where('m.until', 'is', null).where('p.phone_mobile', 'is not', null).where('p.phone_mobile_visibility', '=', 'professionals')
      .where('p.archived_at', 'is', null).orderBy('t.name').executeTakeFirstOrThrow();
    team = { id: row.id, name: row.name };
    colleague = { name: `${row.given_name} ${row.family_name}`, mobile: row.phone_mobile!, buurt: row.area_code };
  });
  afterAll(async () => { await b?.close(); });

  async function signIn() {
    await page.goto(`${b.baseUrl}/inloggen?next=/teams/${team.id}`);
    await page.getByLabel('E-mailadres').fill(DEMO_ACCOUNTS.professional.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_ACCOUNTS.professional.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`**/teams/${team.id}`);
  }

  it('a resident sees no 06 number on the team page', async () => {
    await page.goto(`${b.baseUrl}/teams/${team.id}`);
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    expect(await page.content()).not.toContain(colleague.mobile);
    expect(await page.getByTestId('pro-banner').count()).toBe(0);
  });

  it('signed in, the 06 number shows on the team page, in search and on the map, visibly as the professional view', async () => {
    await signIn();
    await page.getByText(colleague.mobile).first().waitFor();
    await page.getByTestId('pro-banner').waitFor();
    const results = await axeBuilder(page).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/professional-team.png`, fullPage: true });

    await page.goto(`${b.baseUrl}/zoeken?q=${encodeURIComponent(colleague.name)}`);
    await page.getByRole('link', { name: colleague.name }).first().waitFor();
    await page.goto(`${b.baseUrl}/mensen/${(await b.testApp.database.db.selectFrom('people').select('id')
      .where('phone_mobile', '=', colleague.mobile).executeTakeFirstOrThrow()).id}`);
    await page.getByText(colleague.mobile).first().waitFor();

    await page.goto(`${b.baseUrl}/kaart?buurt=${colleague.buurt}`);
    const panel = page.getByTestId('selected-area');
    await panel.waitFor();
    await panel.getByText(colleague.name).first().waitFor();
    expect(await panel.textContent()).toContain(colleague.mobile);
  });

  it('signing out removes them at once, and Back does not bring them back', async () => {
    await page.goto(`${b.baseUrl}/teams/${team.id}`);
    await page.getByText(colleague.mobile).first().waitFor();
    await page.getByTestId('account-button').click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    expect(await page.content()).not.toContain(colleague.mobile);
    await page.goBack();
    await page.waitForLoadState('networkidle');
    await page.goForward();
    await page.waitForLoadState('networkidle');
    expect(await page.content()).not.toContain(colleague.mobile);
    // and the server agrees: the old cookie is gone
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
