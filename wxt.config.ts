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
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*'],
    action: { default_title: 'Last Impression' },
  },
});
