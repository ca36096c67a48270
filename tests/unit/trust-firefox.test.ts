import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` runs `wxt build -b firefox --mv3` before the unit tests; this reads that build.
const OUT_DIR = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');
const MANIFEST = path.join(OUT_DIR, 'manifest.json');

/** Keys Firefox does not support in an MV3 manifest (it refuses or ignores them with an error). */
const CHROME_ONLY_KEYS = [
  'minimum_chrome_version',
  'externally_connectable',
  'key',
  'update_url',
  'side_panel',
  'offline_enabled',
  'oauth2',
  'export',
  'import',
  'storage',
  'nacl_modules',
  'file_browser_handlers',
  'file_system_provider_capabilities',
  'automation',
  'event_rules',
  'differential_fingerprint',
  'platforms',
  'replacement_web_app',
  'system_indicator',
  'tts_engine',
];
/** Permissions Firefox does not know; an unknown permission is a warning and a failed review. */
const FIREFOX_PERMISSIONS = new Set([
  'activeTab',
  'alarms',
  'contextMenus',
  'downloads',
  'menus',
  'notifications',
  'scripting',
  'storage',
  'tabs',
  'unlimitedStorage',
]);

function readManifest(): Record<string, unknown> {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: run \`npx wxt build -b firefox --mv3\` first`);
  }
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>;
}

describe('Firefox', () => {
  const manifest = readManifest();

  it('Firefox: the build is a Manifest V3 manifest with a name, a dotted version and an action', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Last Impression');
    expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(manifest.action).toBeTypeOf('object');
    expect(manifest.browser_action).toBeUndefined();
  });

  it('Firefox: the background runs as event-page scripts that exist in the build, not a service worker', () => {
    const background = manifest.background as { scripts?: string[]; service_worker?: string };
    expect(background.scripts?.length).toBeGreaterThan(0);
    expect(background.service_worker).toBeUndefined();
    for (const script of background.scripts ?? []) {
      expect(existsSync(path.join(OUT_DIR, script)), script).toBe(true);
    }
  });

  it('Firefox: the gecko add-on id, minimum version and "no data collected" declaration are set', () => {
    const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> })
      ?.gecko;
    expect(gecko?.id).toMatch(/^[a-z0-9-._]+@[a-z0-9-._]+$/i);
    // Firefox honours data_collection_permissions from version 140; older ones would skip it.
    expect(Number.parseFloat(String(gecko?.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('Firefox: no Chrome-only manifest keys or permissions', () => {
    for (const key of CHROME_ONLY_KEYS) expect(manifest, key).not.toHaveProperty(key);
    const all = [
      ...((manifest.permissions as string[] | undefined) ?? []),
      ...((manifest.optional_permissions as string[] | undefined) ?? []),
    ];
    for (const p of all) expect(FIREFOX_PERMISSIONS.has(p), p).toBe(true);
  });

  it('Firefox: downloads is optional there too, asked for by the weekly backup switch', () => {
    expect(manifest.optional_permissions).toEqual(['downloads']);
    expect(manifest.permissions).not.toContain('downloads');
  });

  it('Firefox: host permissions, the popup and every page it names are in the build', () => {
    expect(manifest.host_permissions).toEqual([
      'https://mail.google.com/*',
      'https://www.linkedin.com/*',
    ]);
    const popup = (manifest.action as { default_popup?: string }).default_popup;
    expect(popup && existsSync(path.join(OUT_DIR, popup))).toBe(true);
    const scripts = (manifest.content_scripts as { js?: string[]; css?: string[] }[]) ?? [];
    for (const file of scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])])) {
      expect(existsSync(path.join(OUT_DIR, file)), file).toBe(true);
    }
    expect(readdirSync(OUT_DIR)).toContain('dashboard.html');
  });

  it('Firefox: the default content security policy is kept', () => {
    expect(manifest.content_security_policy).toBeUndefined();
  });
});
