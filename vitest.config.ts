import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A zone far from China: code that reads local time by accident fails.
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1', TUAN_LANG: '' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
