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

describe.runIf(existsSync(path.join(EXTENSION_DIR, 'manifest.json')))(
  'content scripts stay small enough to live inside Gmail and LinkedIn all day',
  () => {
    it.each([
      ['Gmail', GMAIL_URL],
      ['LinkedIn', LINKEDIN_URL],
    ])('%s: every script and stylesheet injected there is at most 12 KB gzipped', (_, url) => {
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
      const bundle = frameBundle(EXTENSION_DIR);
      expect(bundle.files.some((f) => f.file.endsWith('.js'))).toBe(true);
      console.log(`panel frame: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzip`);
    });
  },
);
