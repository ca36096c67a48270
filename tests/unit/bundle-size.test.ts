import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_BUDGET_BYTES,
  frameBundle,
  GMAIL_URL,
  hostBundle,
  LINKEDIN_URL,
  matchesPattern,
} from '../../bench/bundle-size';

// Reads the build `npm test` makes first; sizes are deterministic, so this is no timing test.
const EXTENSION_DIR = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

describe('match patterns', () => {
  it('match the host sites as Chrome does', () => {
    expect(matchesPattern('https://mail.google.com/*', GMAIL_URL)).toBe(true);
    expect(matchesPattern('https://*.linkedin.com/*', LINKEDIN_URL)).toBe(true);
    expect(matchesPattern('https://mail.google.com/*', LINKEDIN_URL)).toBe(false);
    expect(matchesPattern('https://www.linkedin.com/in/*', 'https://www.linkedin.com/feed/')).toBe(
      false,
    );
  });
});

/*
 * Alone, without a build, this suite is skipped and says why. Inside `npm test`, which builds
 * first and says so in LI_BUILT_FIRST, a missing build is a failure: the budget must never pass
 * by not being measured.
 */
const MANIFEST = path.join(EXTENSION_DIR, 'manifest.json');
const BUILT_FIRST = process.env.LI_BUILT_FIRST === '1';
const skipped = !BUILT_FIRST && !existsSync(MANIFEST);
const builtOrFail = () =>
  expect(existsSync(MANIFEST), `npm test built first, yet there is no ${MANIFEST}`).toBe(true);

describe.skipIf(skipped)(
  skipped
    ? 'content-script size budget: skipped, no build in .output/chrome-mv3 (run `npx wxt build`, as npm test does first)'
    : 'content scripts stay small enough to live inside Gmail and LinkedIn all day',
  () => {
    it.each([
      ['Gmail', GMAIL_URL],
      ['LinkedIn', LINKEDIN_URL],
    ])('%s: every script and stylesheet injected there is at most 12 KB gzipped', (_, url) => {
      builtOrFail();
      const bundle = hostBundle(EXTENSION_DIR, url);
      expect(bundle.files.length, 'no content script is injected there').toBeGreaterThan(0);
      expect(bundle.gzipBytes, JSON.stringify(bundle.files)).toBeLessThanOrEqual(
        CONTENT_BUDGET_BYTES,
      );
      // No React, no Dexie, no valibot: those live in the frame.
      const text = bundle.files.map((f) => f.file).join(' ');
      expect(text).not.toMatch(/\.css/);
    });

    it('the panel frame loads its own bundle (React, Dexie), reported here', () => {
      builtOrFail();
      const bundle = frameBundle(EXTENSION_DIR);
      expect(bundle.files.some((f) => f.file.endsWith('.js'))).toBe(true);
      console.log(`panel frame: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzip`);
    });
  },
);
