import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One browser per worker, and the machines here (CI's too) have two cores.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: 'list',
});
