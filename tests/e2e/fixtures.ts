import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchExtension } from '../../scripts/chromium.mjs';
import path from 'node:path';

export {
  HAVE_SHARED_FIXTURES,
  SHARED_FIXTURES_SKIP,
  sharedFixture,
} from '../support/shared-fixtures';

/** The built extension; `npm test` builds it first, this fixture never builds. */
export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');

export async function launchWithExtension(): Promise<BrowserContext> {
  return launchExtension(EXTENSION_DIR);
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Serves `body` as HTML for every URL under `urlGlob`, so the real content script runs there. */
export async function serveHtml(
  context: BrowserContext,
  urlGlob: string,
  body: string | (() => string),
): Promise<void> {
  await context.route(urlGlob, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: typeof body === 'string' ? body : body(),
    }),
  );
}

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /** Opens an extension page such as `dashboard.html` or `popup.html`. */
  openExtensionPage: (file: string) => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  background: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (file) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
});

export const expect = test.expect;
