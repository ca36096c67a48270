import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
    // Parsing a 1.5 MB saved page in beforeAll takes seconds on a busy two-core machine.
    hookTimeout: 60_000,
  },
});
