import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Firefox journeys: their own project because each file drives a real Firefox ESR, so
// files run one after another (two cores) and waits are generous; never timed.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
