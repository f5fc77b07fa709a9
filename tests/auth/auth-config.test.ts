// Production defaults: no demo data (its accounts share a published password), no /docs,
// and a clear refusal to start with SEED_DEMO=auto.
import { describe, expect, it } from 'vitest';
import { assertSafeForProduction, loadConfig } from '../../server/config';
import { openDatabase, prepareDatabase } from '../../server/start';
import { createTestDatabase, TEST_BACKEND } from '../helpers/db';

describe(`configuration for sign-in on ${TEST_BACKEND}`, () => {
  it('has development defaults', () => {
    expect(loadConfig({})).toMatchObject({ NODE_ENV: 'development', SEED_DEMO: 'auto', API_DOCS: 'on', TRUST_PROXY: false,
      SESSION_IDLE_HOURS: 8, SESSION_ABSOLUTE_DAYS: 30, REQUIRE_MFA: 'off' });
    expect(loadConfig({ TRUST_PROXY: 'true', SESSION_IDLE_HOURS: '2' })).toMatchObject({ TRUST_PROXY: true, SESSION_IDLE_HOURS: 2 });
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });

  it('defaults to SEED_DEMO=never and no /docs in production', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config).toMatchObject({ SEED_DEMO: 'never', API_DOCS: 'off' });
    expect(() => assertSafeForProduction(config)).not.toThrow();
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'on' }).API_DOCS).toBe('on');
  });

  it('refuses to start in production with SEED_DEMO=auto, before opening the database', async () => {
    const config = loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'auto', SMTP_URL: 'smtp://127.0.0.1:9', DATA_DIR: '/nonexistent/never-created' });
    expect(() => assertSafeForProduction(config)).toThrow(/SEED_DEMO=auto is not allowed with NODE_ENV=production/);
    await expect(openDatabase(config)).rejects.toThrow(/SEED_DEMO=auto/);
  });

  it('prepares a production database without demo data or demo accounts', async () => {
    const database = await createTestDatabase();
    try {
      await prepareDatabase(database, loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' }), () => {});
      expect(await database.db.selectFrom('accounts').select('id').execute()).toEqual([]);
      expect(await database.db.selectFrom('teams').select('id').execute()).toEqual([]);
      await expect(prepareDatabase(database, loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'auto' }), () => {})).rejects.toThrow(/SEED_DEMO/);
    } finally { await database.close(); }
  });

  it('seeds the demo accounts (one per role) idempotently with the demo', async () => {
    const database = await createTestDatabase();
    try {
      await prepareDatabase(database, loadConfig({}), () => {});
      await prepareDatabase(database, loadConfig({}), () => {});
      const { seedDemo } = await import('../../seeds/index');
      await seedDemo(database.db);
      const rows = await database.db.selectFrom('accounts').select(['email', 'role']).orderBy('email').execute();
      expect(rows).toEqual([
        { email: 'admin@wijkweb.demo', role: 'admin' },
        { email: 'analist@wijkweb.demo', role: 'analist' },
        { email: 'professional@wijkweb.demo', role: 'professional' },
        { email: 'redacteur@wijkweb.demo', role: 'editor' },
      ]);
      expect(await database.db.selectFrom('account_scopes').select('account_id').execute()).toHaveLength(1);
    } finally { await database.close(); }
  });
});
