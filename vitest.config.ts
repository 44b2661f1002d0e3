import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { BW_LOG_LEVEL: 'warn' },
  },
});
