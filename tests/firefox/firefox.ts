/**
 * How the Firefox journeys drive the real Firefox build in Firefox ESR, over WebDriver BiDi
 * (puppeteer-core). README "Firefox" says what differs from Chromium and why each step is here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { browser as Browserapi } from 'wxt/browser';
import { until, WAIT_MS } from './wait';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built Firefox extension; `npm test` builds it first, these tests never build. */
export const FIREFOX_EXTENSION_DIR = path.resolve(
  process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3',
);
/** The gecko id wxt.config.ts gives the Firefox build. */
export const ADDON_ID = 'last-impression@last-impression.local';

/** The page to serve for a navigation to `url`, or undefined for a 404. */
export type Site = (url: URL) => string | undefined;

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: this run's extension origin. */
  origin: string;
  /** Where downloads (exports) land. */
  downloads: string;
  /** Opens an extension page such as `dashboard.html` in a new tab, loaded. */
  openExtensionPage(file: string): Promise<Page>;
  /** Opens `url` in a new tab, every request answered from `site`. */
  openHostPage(url: string, site: Site): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox ESR with the built extension installed as a temporary add-on, in a fresh profile.
 *
 * - Firefox gives each install a random moz-extension UUID; the profile's
 *   `extensions.webextensions.uuids` pref pins it, so the tests know the extension's origin.
 * - WebDriver BiDi refuses to navigate a tab to a moz-extension:// page unless the remote
 *   agent is allowed system access (`--remote-allow-system-access`).
 * - A temporary install (BiDi `webExtension.install`, like about:debugging) grants the
 *   manifest's host permissions, which Firefox MV3 otherwise leaves for the user to grant.
 */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: apt-get install -y firefox-esr`);
  }
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox`);
  }
  const uuid = randomUUID();
  const downloads = mkdtempSync(path.join(tmpdir(), 'li-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    protocolTimeout: 300_000,
    timeout: 300_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${uuid}`;

  return {
    browser,
    origin,
    downloads,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      const url = `${origin}/${file}`;
      // BiDi reports no navigation events for extension documents, so goto never settles:
      // start it, then wait for the document itself.
      page.goto(url, { timeout: 0 }).catch(() => {});
      await until(
        `${file} to load`,
        () => page.evaluate(() => `${location.href} ${document.readyState}`),
        (state) => state === `${url} complete`,
      );
      return page;
    },
    async openHostPage(url, site) {
      const page = await browser.newPage();
      await serve(page, site);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Answers every web request of `page` from `site` (nothing reaches the network), and lets the
 * extension's own files load. A request can end before it is answered (the tab navigated or
 * closed): its answer's error is expected and dropped.
 */
export async function serve(page: Page, site: Site): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      request.continue().catch(() => {});
      return;
    }
    const body = request.isNavigationRequest() ? site(url) : undefined;
    request
      .respond(
        body === undefined
          ? { status: 404, contentType: 'text/plain', body: '' }
          : { status: 200, contentType: 'text/html; charset=utf-8', body },
      )
      .catch(() => {});
  });
}

type Api = typeof Browserapi;

/** The toolbar badge's text, read from an extension page. */
export function badgeText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: Api }).browser.action.getBadgeText({}),
  );
}

/** The host permissions the extension holds now, sorted, read from an extension page. */
export function hostPermissions(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const all = await (globalThis as unknown as { browser: Api }).browser.permissions.getAll();
    return [...(all.origins ?? [])].sort();
  });
}

/** Waits for a finished download whose name matches `pattern` and returns its text. */
export async function downloaded(firefox: FirefoxWithExtension, pattern: RegExp): Promise<string> {
  const name = await until(
    `a download matching ${pattern}`,
    async () => readdirSync(firefox.downloads).find((n) => pattern.test(n)),
    (n) => n !== undefined,
  );
  const file = path.join(firefox.downloads, name!);
  // Firefox writes the file then renames its .part away; wait until the text is whole JSON/CSV.
  return until(
    `${name} to be written`,
    async () => readFileSync(file, 'utf8'),
    (text) => text.length > 0 && !existsSync(`${file}.part`),
  );
}
