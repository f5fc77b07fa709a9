import { configDefaults, defineConfig } from 'vitest/config';

// Files whose checks do not depend on the backend under test: they read only files, or start
// their own servers on every backend the run has (the production install runs on PGlite in
// every run and on PostgreSQL when DATABASE_URL is set). CI runs the suite twice, PostgreSQL
// first; its second run (ONCE_RAN=1) leaves these out, since the first already ran them whole.
const BACKEND_FREE = [
  'tests/architecture/**', 'tests/i18n/**', 'tests/web/messages.test.ts',
  'tests/operations/production.test.ts', 'tests/install/settings.test.ts',
];

// Two cores here: two test files at a time, each on its own database.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.ONCE_RAN === '1' ? BACKEND_FREE : [])],
    globalSetup: ['./tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/helpers/count-reporter.ts'],
  },
});
