import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A zone far from China: code that reads local time by accident fails.
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1', TUAN_LANG: '' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // pure functions: threads, and one module graph per thread (no test mutates module state)
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/fixtures/**/*.test.ts'], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        // the CLI in-process and as the built binary: child processes (better-sqlite3, spawned binaries, Chromium);
        // files share a fork's module graph too (the CLI keeps no state between runs but a pure date-parse memo)
        test: { name: 'cli', include: ['test/cli/**/*.test.ts'], pool: 'forks', isolate: false },
      },
      {
        extends: true,
        // kill -9 and concurrent imports of large files (about 30 s): npm run test:faults, and .ci/run; not in npm test
        test: { name: 'faults', include: ['test/faults/**/*.test.ts'], pool: 'forks' },
      },
    ],
  },
});
