import { defineConfig } from 'vitest/config';

// .ci/run sets GONGKAI_TEST_REPORT to collect the totals for its closing line.
const jsonReport = process.env.GONGKAI_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
