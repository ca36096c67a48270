import { defineConfig } from 'wxt';

// Permissions are pinned by tests/unit/manifest.test.ts; the README says why each exists.
export default defineConfig({
  // Parallel work trees and the benchmark may build elsewhere; tests read EXTENSION_DIR.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Last Impression',
    description:
      'See the last impression you left with each contact, right in Gmail and LinkedIn. All data stays on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    // Asked for only when the rep switches on the weekly backup to Downloads (Settings).
    optional_permissions: ['downloads'],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
    action: { default_title: 'Last Impression' },
    // The panel's frame: only Gmail and LinkedIn may embed it, and only at this session's
    // dynamic URL (runtime.getURL gives it; measured in Chromium 156), so no site can probe
    // for the extension at its fixed id. Decoys are the pairing token's job: the page can read
    // the dynamic URL from our frame's src.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        use_dynamic_url: true,
        matches: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
      },
    ],
    // Chrome allows suggested keys on four commands; these are those four.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open Last Impression (focus in search)',
      },
      'log-positive': {
        suggested_key: { default: 'Alt+Shift+1' },
        description: 'Log a positive touch for the contact in this tab',
      },
      'log-neutral': {
        suggested_key: { default: 'Alt+Shift+2' },
        description: 'Log a neutral touch for the contact in this tab',
      },
      'log-negative': {
        suggested_key: { default: 'Alt+Shift+3' },
        description: 'Log a negative touch for the contact in this tab',
      },
    },
  },
  // AMO reviewers rebuild the Firefox zip from the sources zip (README "Release"): it holds
  // what `npm ci && npm run build:firefox` reads, and no tests, fixtures or tooling.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/wxt.mjs',
      'scripts/plain-output.mjs',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
  },
  // Firefox MV3 needs an add-on id and asks what data leaves the machine: none. Chrome warns
  // about keys it does not know, so the hook adds them to the Firefox build only; WXT checks
  // before hooks run, hence its warnings are off (tests/unit/trust-firefox.test.ts checks).
  suppressWarnings: { firefoxDataCollection: true, firefoxId: true },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      manifest.browser_specific_settings = {
        gecko: {
          id: 'last-impression@last-impression.local',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on (AMO lint).
        gecko_android: { strict_min_version: '142.0' },
      };
    },
  },
});
