import { configDefaults, defineConfig } from 'vitest/config';

// Files whose checks do not depend on the backend under test: they read only files, or start
// their own servers on every backend the run has (the production install runs on PGlite in
// every run and on PostgreSQL when DATABASE_URL is set). CI runs the suite twice, PostgreSQL
// first; its second run (ONCE_RAN=1) leaves these out, since the first already ran them whole.
//
// The browser tests (tests/web/, Chromium against the real app) are in this list too: the
// pages only call the HTTP API, and the API answers the same on both backends, which the
// API, privacy, matrix and crawl suites check on both. What Chromium adds (layout, focus,
// axe, the flows through several pages) does not depend on the database under the server,
// and each browser file costs a Chromium and a seeded app, the largest share of a run. They
// run whole in the first (PostgreSQL) run. A browser test lives in tests/web/ or is named
// <feature>-browser.test.ts; one that needs a browser on one particular backend takes
// another name and runs in both.
const BROWSER = ['tests/web/**', 'tests/**/*-browser.test.ts'];
const BACKEND_FREE = [
  'tests/architecture/**', 'tests/i18n/**',
  'tests/operations/production.test.ts', 'tests/install/settings.test.ts', 'tests/install/first-start.test.ts',
  ...BROWSER,
];

// Two cores here: two test files at a time, each on its own database.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.ONCE_RAN === '1' ? BACKEND_FREE : [])],
    globalSetup: ['./tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each worker process runs its files one after another without reloading the server's
    // modules for every file (they cost ~1.4 s of CPU per file, a third of a run): every file
    // builds its own app and database, nothing mocks modules or changes the environment,
    // and the one process-wide rule (the staleness policy) is set again by every buildApp.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/helpers/count-reporter.ts'],
  },
});
