import type { BrowserContext } from '@playwright/test';

export const CHROMIUM_PATH: string;
export function extensionArgs(extensionDir: string): string[];
export function launchExtension(
  extensionDir: string,
  options?: {
    userDataDir?: string;
    headless?: boolean;
    viewport?: { width: number; height: number } | null;
  },
): Promise<BrowserContext>;
