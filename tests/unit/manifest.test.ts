import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` builds before the unit tests run; this test reads the build and builds nothing.
const OUT_DIR = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const MANIFEST = path.join(OUT_DIR, 'manifest.json');

function readManifest(): Record<string, unknown> {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run \`npx wxt build\` first`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>;
}

describe('Least privilege', () => {
  const manifest = readManifest();

  it('Least privilege: the Chrome manifest asks for exactly storage, unlimitedStorage, alarms and notifications', () => {
    expect([...((manifest.permissions as string[] | undefined) ?? [])].sort()).toEqual(
      ['alarms', 'notifications', 'storage', 'unlimitedStorage'].sort(),
    );
  });

  it('Least privilege: downloads is optional, asked for only when the weekly backup is switched on, never required', () => {
    expect(manifest.optional_permissions).toEqual(['downloads']);
    expect(manifest.permissions).not.toContain('downloads');
  });

  it('Least privilege: host access is limited to Gmail and LinkedIn, nothing optional', () => {
    expect(manifest.host_permissions).toEqual([
      'https://mail.google.com/*',
      'https://www.linkedin.com/*',
    ]);
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('Least privilege: content scripts run only on Gmail and LinkedIn', () => {
    const scripts = (manifest.content_scripts as { matches: string[] }[] | undefined) ?? [];
    const matches = new Set(scripts.flatMap((s) => s.matches));
    for (const m of matches) {
      expect(['https://mail.google.com/*', 'https://www.linkedin.com/*']).toContain(m);
    }
  });

  it('Least privilege: no web page or other extension can connect (no externally_connectable)', () => {
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('Least privilege: the only web-accessible file is the panel page, framed on Gmail and LinkedIn only', () => {
    // The content script frames panel.html; the page itself loads its scripts from the
    // extension's origin, so they need no entry. Only at the session's dynamic URL: no site can
    // probe for the extension at its fixed id.
    type Resource = { resources: string[]; matches: string[]; use_dynamic_url?: boolean };
    const resources = (manifest.web_accessible_resources as Resource[] | undefined) ?? [];
    expect(resources).toEqual([
      {
        resources: ['panel.html'],
        use_dynamic_url: true,
        matches: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
      },
    ]);
  });
});
