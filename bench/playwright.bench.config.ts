import { defineConfig } from '@playwright/test';

// The benchmark: one worker, so measurements do not compete with each other for the two cores.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 30 * 60_000,
  workers: 1,
  retries: 0,
  reporter: 'line',
  outputDir: '../bench-results/playwright',
});
