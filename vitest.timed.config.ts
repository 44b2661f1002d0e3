import { defineConfig } from 'vitest/config';

/**
 * Tests that assert a wall-clock limit from an issue (the full-size demo in under 2 minutes): one file at a time,
 * so the figure is the machine's and not a share of it contended by other test files.
 */
export default defineConfig({
  test: {
    include: ['tests/timed/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-build.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { BW_LOG_LEVEL: 'warn' },
  },
});
