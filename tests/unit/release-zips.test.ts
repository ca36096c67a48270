import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../support/zip-entries';

// `npm test` runs `npm run zip` (scripts/zip.mjs) first; these read the zips it wrote. Run
// on their own, they skip with that reason until `npm run zip` has been run.
const OUT_DIR = path.resolve(process.env.WXT_OUT_DIR ?? '.output');
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};
const zip = (kind: string) => path.join(OUT_DIR, `${name}-${version}-${kind}.zip`);
const ZIPS = ['chrome', 'firefox', 'sources'].map((kind) => ({ kind, file: zip(kind) }));
const zipped = ZIPS.every(({ file }) => existsSync(file));

/** What no store package may hold: source maps, tests, test fixtures or saved host pages. */
const FORBIDDEN = [
  /\.map$/,
  /(^|\/)tests?\//,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)fixtures?(\/|\.|$)/,
  /(^|\/)shared\//,
  /(^|\/)(demo|bench|docs|reports|test-results|demo-output|bench-results|node_modules)\//,
  /(^|\/)\.output/,
];

describe.skipIf(!zipped)('release zips (run `npm run zip` first)', () => {
  it.each(ZIPS)('the $kind zip holds no source maps, tests or fixtures', ({ file }) => {
    const entries = zipEntries(file);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => FORBIDDEN.some((rule) => rule.test(entry)))).toEqual([]);
  });

  it('the Chrome and Firefox zips hold their own manifest, with the code it names', () => {
    for (const kind of ['chrome', 'firefox']) {
      const entries = zipEntries(zip(kind));
      expect(entries).toContain('manifest.json');
      for (const file of ['background.js', 'popup.html', 'dashboard.html']) {
        expect(entries, `${kind} zip`).toContain(file);
      }
      for (const file of ['content-scripts/gmail.js', 'content-scripts/linkedin.js']) {
        expect(entries, `${kind} zip`).toContain(file);
      }
    }
  });

  it('the sources zip holds what `npm ci && npm run build:firefox` needs, and no build output', () => {
    const entries = zipEntries(zip('sources'));
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json']) {
      expect(entries).toContain(file);
    }
    expect(entries).toContain('scripts/wxt.mjs');
    expect(entries.some((e) => e.startsWith('entrypoints/'))).toBe(true);
    expect(entries.some((e) => e.startsWith('lib/'))).toBe(true);
    expect(entries).not.toContain('manifest.json');
  });
});
