// The person edit page in real Chromium, as the demo editor: a colleague employed by the
// editor's organisation who gave photo consent gets a portrait uploaded from the page; one
// without consent shows why not (no file field); the seconded professional (employed by the
// GGZ, accepted into a wijkteam of the editor's organisation) has no "Bewerken" at all: only
// their employer edits their own record. axe finds nothing serious on the page.
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../helpers/auth';
import { axeBuilder, describeBrowser, startBrowserApp, type BrowserApp } from '../helpers/browser';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';

async function signIn(page: Page, baseUrl: string, next: string) {
  await page.goto(`${baseUrl}/inloggen?next=${encodeURIComponent(next)}`);
  await page.fill('#email', DEMO_ACCOUNTS.editor.email);
  await page.fill('#password', DEMO_ACCOUNTS.editor.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForFunction(() => !location.pathname.startsWith('/inloggen'));
}

describeBrowser('web: the employer\'s editor and a colleague\'s photo', () => {
  let b: BrowserApp;
  let withConsent: { id: string; name: string };
  let withoutConsent: { id: string; name: string };
  let seconded: { id: string; name: string };

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.testApp.database.db;
    const own = await db.selectFrom('people').select(['id', 'given_name', 'family_name', 'photo_consent'])
      .where('organisation_id', '=', DEMO_EDITOR_ORGANISATION).where('archived_at', 'is', null).orderBy('id').limit(2).execute();
    const named = (p: { id: string; given_name: string; family_name: string }) => ({ id: p.id, name: `${p.given_name} ${p.family_name}` });
    withConsent = named(own[0]!);
    withoutConsent = named(own[1]!);
    await db.updateTable('people').set({ photo_consent: true }).where('id', '=', withConsent.id).execute();
    await db.updateTable('people').set({ photo_consent: false }).where('id', '=', withoutConsent.id).execute();
    await db.deleteFrom('person_photos').where('person_id', '=', withConsent.id).execute();
    // the demo's seconded professional: employed elsewhere, a current member of one of the editor's teams
    const s = await db.selectFrom('people as p').innerJoin('memberships as m', 'm.person_id', 'p.id').innerJoin('teams as t', 't.id', 'm.team_id')
      .select(['p.id', 'p.given_name', 'p.family_name']).where('t.organisation_id', '=', DEMO_EDITOR_ORGANISATION)
      .where('p.organisation_id', '!=', DEMO_EDITOR_ORGANISATION).where('m.status', '=', 'current').where('m.until', 'is', null)
      .where('p.family_name', '=', 'Vermeulen').executeTakeFirstOrThrow();
    seconded = named(s);
  });
  afterAll(async () => { await b?.close(); });

  it('uploads a portrait for a colleague who consented; shows why not for one who did not', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, `/mensen/${withConsent.id}/bewerken`);
    await page.waitForSelector('[data-testid="photo-upload"]');
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#5b8' } }).png().toBuffer();
    await page.getByLabel('Kies een foto (JPEG, PNG of WebP, hoogstens 5 MB)').setInputFiles({ name: 'portret.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Foto opslaan' }).click();
    await page.getByText('De foto is opgeslagen.').waitFor();
    const stored = await b.testApp.database.db.selectFrom('person_photos').select('hash').where('person_id', '=', withConsent.id).executeTakeFirst();
    expect(stored, 'the photo is stored').toBeDefined();
    const serious = (await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);

    await page.goto(`${b.baseUrl}/mensen/${withoutConsent.id}/bewerken`);
    await page.waitForSelector('[data-testid="photo-upload"]');
    await page.getByText(`Alleen ${withoutConsent.name} zelf kan die geven`).waitFor();
    expect(await page.locator('#photo-file').count()).toBe(0);
  });

  it('the seconded professional\'s own record is not the wijkteam\'s to edit', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, `/mensen/${seconded.id}`);
    await page.waitForSelector('[data-testid="person-page"]');
    await page.getByRole('heading', { name: seconded.name }).waitFor();
    expect(await page.getByRole('link', { name: `Bewerken ${seconded.name}` }).count()).toBe(0);
    await page.goto(`${b.baseUrl}/mensen/${seconded.id}/bewerken`);
    await page.getByRole('heading', { name: 'Bewerken niet mogelijk' }).waitFor();
    expect(await page.locator('[data-testid="person-edit"]').count()).toBe(0);
  });
});
