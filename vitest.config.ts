import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // sql.js instances are large; forks keep each test file's memory separate.
    pool: 'forks',
  },
});
