// How every script and test launches Debian's Chromium with the built extension
// (the recipe is in the README, "Tests": the flags, and why the last --disable-features wins).
import { chromium } from '@playwright/test';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Playwright's own --disable-features list minus third-party storage partitioning's switch;
// Chromium honours only the last --disable-features.
const DISABLE_FEATURES =
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch';

export function extensionArgs(extensionDir) {
  const dir = path.resolve(extensionDir);
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    DISABLE_FEATURES,
  ];
}

/** A persistent context (extensions need one) with the extension at `extensionDir` loaded. */
export function launchExtension(
  extensionDir,
  { userDataDir = '', headless = true, viewport } = {},
) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: extensionArgs(extensionDir),
    ...(viewport ? { viewport } : {}),
  });
}
