// Editing in the app, in real Chromium: the demo editor signs in through /inloggen, changes
// a team of their organisation (walk-in hours, one buurt ticked in the list and one clicked
// on the map) and a resident then sees both; a bad e-mail is refused next to the field in
// Dutch without any request; two pages editing the same team meet the conflict screen and
// choose per field; axe finds nothing serious on the edit pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { axeBuilder, describeBrowser, ensureWebBuild, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';

async function seriousViolations(page: Page) {
  const result = await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

async function signInThroughUi(page: Page, baseUrl: string, next: string) {
  await page.goto(`${baseUrl}/inloggen?next=${encodeURIComponent(next)}`);
  await page.fill('#email', DEMO_ACCOUNTS.editor.email);
  await page.fill('#password', DEMO_ACCOUNTS.editor.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForFunction(() => !location.pathname.startsWith('/inloggen'));
}

const patches = (page: Page) => {
  const seen: Request[] = [];
  page.on('request', (r) => { if (r.method() !== 'GET') seen.push(r); });
  return seen;
};

/** Clicks a point that really lies inside the buurt's polygon on the map (not just its box). */
async function clickOnMap(page: Page, code: string) {
  const path = page.locator(`path.area-pick-${code}`);
  await path.scrollIntoViewIfNeeded();
  const point = await path.evaluate((el) => {
    const box = el.getBoundingClientRect();
    for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
      const x = box.left + (box.width * i) / 20;
      const y = box.top + (box.height * j) / 20;
      if (document.elementFromPoint(x, y) === el) return { x, y };
    }
    return null;
  });
  expect(point, `a visible point of ${code} on the map`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describeBrowser('web: editing teams', () => {
  let b: BrowserApp;
  let team: { id: string; name: string };
  let listBuurt: { code: string; name: string };
  let mapBuurt: { code: string; name: string };
  const hours = 'Dinsdag 9.00–11.30 uur (getest)';

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    team = await db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', DEMO_EDITOR_ORGANISATION)
      .where('archived_at', 'is', null).orderBy('name').executeTakeFirstOrThrow();
    // Known state: two buurten with a boundary that the team does not serve (yet).
    const buurten = await db.selectFrom('areas').select(['code', 'name']).where('kind', '=', 'buurt').where('geometry', 'is not', null).orderBy('code').execute();
    expect(buurten.length, 'demo buurten with boundaries').toBeGreaterThanOrEqual(2);
    const free = [buurten[0]!, buurten[buurten.length - 1]!];
    await db.deleteFrom('team_areas').where('team_id', '=', team.id).where('area_code', 'in', free.map((x) => x.code)).execute();
    [listBuurt, mapBuurt] = [free[0]!, free[1]!];
    for (const buurt of free) {
      const area = await (await fetch(`${b.baseUrl}/api/areas/${buurt.code}`)).json() as { teams: Array<{ id: string }> };
      expect(area.teams.map((x) => x.id), `${buurt.code} not served before the edit`).not.toContain(team.id);
    }
  });
  afterAll(async () => { await b?.close(); });

  it('the editor signs in, finds "Bewerken" on the team page, and a bad e-mail is refused next to the field', async () => {
    const page = await b.newPage();
    await signInThroughUi(page, b.baseUrl, `/teams/${team.id}`);
    await page.waitForSelector('[data-testid="team-page"]');
    await page.getByRole('link', { name: `Bewerken ${team.name}` }).click();
    await page.waitForSelector('[data-testid="team-edit"] #f-walk_in_hours');
    expect(new URL(page.url()).pathname).toBe(`/teams/${team.id}/bewerken`);
    await page.waitForSelector('#f-areas input[type="checkbox"]');
    expect(await seriousViolations(page)).toEqual([]);

    const sent = patches(page);
    await page.fill('#f-public_email', 'geen-e-mailadres');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const error = page.locator('#f-public_email-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Een e-mailadres, bijvoorbeeld naam@voorbeeld.nl');
    expect(await page.locator('#f-public_email').getAttribute('aria-describedby')).toContain('f-public_email-error');
    expect(await page.locator('#f-public_email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-public_email');
    expect(await page.getByTestId('error-summary').textContent()).toContain('E-mail');
    expect(sent.map((r) => r.method())).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('changes the walk-in hours and ticks a buurt in the list and one on the map: saved, with If-Match and only those fields', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/teams/${team.id}/bewerken`);
    await page.waitForSelector('#f-walk_in_hours');
    const sent = patches(page);
    await page.fill('#f-walk_in_hours', hours);
    await page.getByRole('checkbox', { name: listBuurt.name, exact: true }).check();
    await page.waitForSelector(`path.area-pick-${mapBuurt.code}`);
    // the map may draw its paths a moment before it marks the ticked ones: wait for the mark, not one read
    await expect.poll(() => page.locator(`path.area-pick-${listBuurt.code}`).getAttribute('class')).toContain('is-on');
    await clickOnMap(page, mapBuurt.code);
    // the map's click shows in the list, the primary control
    expect(await page.locator(`#f-areas input[value="${mapBuurt.code}"]`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method()).toBe('PATCH');
    expect(sent[0]!.headers()['if-match']).toMatch(/^"\d+"$/);
    const body = sent[0]!.postDataJSON() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['areas', 'walk_in_hours']);
    expect(body.areas).toEqual(expect.arrayContaining([listBuurt.code, mapBuurt.code]));
    const stored = await b.testApp.database.db.selectFrom('team_areas').select('area_code').where('team_id', '=', team.id).execute();
    expect(stored.map((r) => r.area_code)).toEqual(expect.arrayContaining([listBuurt.code, mapBuurt.code]));
    await page.close();
  });

  it('a resident (signed out) sees the new hours on the team page and the team on both buurten', async () => {
    await b.context.clearCookies();
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/teams/${team.id}`);
    await page.waitForSelector('[data-testid="team-page"]');
    expect(await page.getByText(hours).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Bewerken/ }).count()).toBe(0);
    for (const buurt of [listBuurt, mapBuurt]) {
      await page.goto(`${b.baseUrl}/gebieden/${buurt.code}`);
      await page.locator('h1').waitFor();
      await page.getByText(team.name).first().waitFor();
    }
    await page.goto(`${b.baseUrl}/teams/${team.id}/bewerken`);
    await page.getByRole('link', { name: 'Inloggen' }).last().waitFor();
    await page.close();
  });

  it('two pages edit the same team: the second gets the conflict screen, chooses per field, and saves', async () => {
    const a = await b.newPage();
    await signInThroughUi(a, b.baseUrl, `/teams/${team.id}/bewerken`);
    const bPage = await b.newPage();
    await bPage.goto(`${b.baseUrl}/teams/${team.id}/bewerken`);
    await a.waitForSelector('#f-walk_in_hours');
    await bPage.waitForSelector('#f-walk_in_hours');

    await a.fill('#f-walk_in_hours', 'A: maandag');
    await a.fill('#f-description', 'Beschrijving van A');
    await a.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await a.getByText('Opgeslagen.').waitFor();

    await bPage.fill('#f-walk_in_hours', 'B: vrijdag');
    await bPage.fill('#f-description', 'Beschrijving van B');
    await bPage.fill('#f-funding', 'Gemeente (B)');
    await bPage.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = bPage.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getByRole('heading').first().textContent()).toBe('Iemand anders heeft dit intussen gewijzigd');
    // only the fields both changed are asked about; B's funding stays without a question
    expect(await conflict.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['description', 'walk_in_hours']);
    const hoursRow = conflict.locator('tr[data-field="walk_in_hours"]');
    expect(await hoursRow.locator('td').nth(0).textContent()).toBe('B: vrijdag');
    expect(await hoursRow.locator('td').nth(1).textContent()).toBe('A: maandag');
    expect(await conflict.getByRole('group', { name: 'Welke versie van Wat doet het team?' }).count()).toBe(1);
    expect(await seriousViolations(bPage)).toEqual([]);

    await conflict.getByRole('group', { name: 'Welke versie van Wat doet het team?' }).getByLabel('De andere versie').check();
    await conflict.getByRole('button', { name: 'Opslaan met deze keuzes' }).click();
    await bPage.getByText('Opgeslagen.').waitFor();
    expect(await bPage.getByTestId('conflict').count()).toBe(0);
    const row = await b.testApp.database.db.selectFrom('teams').select(['walk_in_hours', 'description', 'funding']).where('id', '=', team.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ walk_in_hours: 'B: vrijdag', description: 'Beschrijving van A', funding: 'Gemeente (B)' });
    expect(await bPage.inputValue('#f-description')).toBe('Beschrijving van A');
    await a.close(); await bPage.close();
  });

  it('the person edit page: a professional opens their own profile form (axe clean)', async () => {
    const db = b.testApp.database.db;
    const personId = (await db.selectFrom('accounts').select('person_id').where('email', '=', DEMO_ACCOUNTS.professional.email).executeTakeFirstOrThrow()).person_id!;
    await b.context.clearCookies();
    const page = await b.newPage();
    await page.goto(b.baseUrl);
    expect(await page.evaluate(async (account) => (await fetch('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account),
    })).status, { email: DEMO_ACCOUNTS.professional.email, password: DEMO_ACCOUNTS.professional.password })).toBe(200);
    await page.goto(`${b.baseUrl}/mensen/${personId}`);
    await page.getByRole('link', { name: /^Bewerken/ }).click();
    await page.waitForSelector('[data-testid="person-edit"] #f-job_title');
    await page.fill('#f-availability_note', 'Bereikbaar op dinsdag');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    expect((await db.selectFrom('people').select('availability_note').where('id', '=', personId).executeTakeFirstOrThrow()).availability_note).toBe('Bereikbaar op dinsdag');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('web bundle: zod only in the lazily loaded edit chunks', () => {
  it('the entry chunk and its static imports carry no zod; a chunk loaded on demand does', async () => {
    await ensureWebBuild();
    const dist = new URL('../../web/dist/', import.meta.url).pathname;
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script in index.html').toBeTruthy();
    // Follow static imports only (`import … from"./x.js"`, `import"./x.js"`); `import("./x.js")` is on demand.
    const eager = new Set<string>();
    const visit = (file: string) => {
      if (eager.has(file)) return;
      eager.add(file);
      const code = readFileSync(join(dist, file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(`assets/${m[1]}`);
    };
    visit(entry!);
    const isZod = (code: string) => code.includes('ZodError') || code.includes('$ZodType');
    for (const file of eager) expect(isZod(readFileSync(join(dist, file), 'utf8')), `${file} is loaded at start and contains zod`).toBe(false);
    const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !eager.has(`assets/${f}`));
    expect(lazy.filter((f) => isZod(readFileSync(join(dist, 'assets', f), 'utf8'))).length, 'a lazy chunk with the edit forms\' zod').toBeGreaterThan(0);
  });
});
