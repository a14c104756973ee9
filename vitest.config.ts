import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __HARNESS__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests start Chromium; keep them from running side by side with each other on 2 cores.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
