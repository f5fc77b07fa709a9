// GET /api/search and GET /api/topics answer danger with a crisis block computed on the
// server: for residents and professionals, with or without other results; never on an
// ordinary search; nothing in it but the fixed crisis lines (no person data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';

let t: TestApp;
let professional: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  professional = { cookie: await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password) };
});
afterAll(async () => { await t?.close(); });

const search = (q: string, headers: Record<string, string> = {}, extra = '') =>
  getJson(t.app, `/api/search?q=${encodeURIComponent(q)}${extra}`, headers);
const tels = (body: { crisis?: { lines: { tel: string | null }[] } }) => body.crisis?.lines.map((l) => l.tel) ?? [];

describe('crisis block in search', () => {
  it('answers "ik wil dood" with 113 and 0800-0113 first, for residents and professionals alike', async () => {
    const anonymous = await search('ik wil dood');
    const signedIn = await search('ik wil dood', professional);
    for (const { status, body } of [anonymous, signedIn]) {
      expect(status).toBe(200);
      expect(body.crisis.signals).toEqual(['suicide']);
      expect(tels(body).slice(0, 2)).toEqual(['tel:113', 'tel:08000113']);
      expect(body.crisis.lines[0]).toMatchObject({ number: '113', name: { nl: expect.stringMatching(/113/) }, text: { nl: expect.any(String), en: expect.any(String) } });
    }
    expect(signedIn.body.crisis).toEqual(anonymous.body.crisis);
  });

  it('comes with other results when there are some ("huiselijk geweld")', async () => {
    const { body } = await search('huiselijk geweld');
    expect(body.total).toBeGreaterThan(0);
    expect(tels(body)[0]).toBe('tel:08002000');
  });

  it('comes without results too, even when no kind is ranked', async () => {
    const { body } = await search('mijn vriend slaat me', {}, '&kind=person'); // people are not for residents
    expect(body.items).toEqual([]);
    expect(tels(body)).toEqual(['tel:08002000', 'tel:112']);
  });

  it('comes with a topic filter that signals danger', async () => {
    const { body } = await search('lindeburg', {}, '&topic=domestic_violence');
    expect(tels(body)[0]).toBe('tel:08002000');
  });

  it('is absent for ordinary searches, the false alarms that sound close included', async () => {
    for (const q of ['schulden', 'dood hout', 'slaapproblemen', 'mijn man slaapt slecht', 'mijn kind wordt gepest']) {
      const { status, body } = await search(q);
      expect(status, q).toBe(200);
      expect(body.crisis, q).toBeUndefined();
    }
  });

  it('holds only the fixed crisis lines: no person, no id of a record', async () => {
    const { body } = await search('ik wil dood', professional);
    const text = JSON.stringify(body.crisis);
    const people = await t.database.db.selectFrom('people').select(['id', 'family_name', 'phone_work', 'email_work']).execute();
    for (const p of people) {
      for (const value of [p.id, p.family_name, p.phone_work, p.email_work]) if (value) expect(text).not.toContain(value);
    }
    for (const line of body.crisis.lines) expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['key', 'name', 'number', 'tel', 'text', 'when']));
  });
});

describe('crisis block on topics', () => {
  it('is carried by topics that signal danger and by no other', async () => {
    const { status, body } = await getJson(t.app, '/api/topics');
    expect(status).toBe(200);
    const withCrisis = body.items.filter((x: { crisis?: unknown }) => x.crisis).map((x: { key: string }) => x.key).sort();
    expect(withCrisis).toEqual(['crisis', 'domestic_violence', 'mental_health', 'severe_mental_illness']);
    const violence = body.items.find((x: { key: string }) => x.key === 'domestic_violence');
    expect(tels(violence)[0]).toBe('tel:08002000');
  });
});
