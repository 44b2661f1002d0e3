import { defineConfig } from 'vitest/config';

/** End-to-end: the real renderer in Debian's Chromium, driven by playwright-core, against browser mode. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { BW_LOG_LEVEL: 'warn' },
  },
});
