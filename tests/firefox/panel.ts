/**
 * Reading and driving the in-page panel in Firefox. Only `panelRoot` knows where the panel
 * lives; every journey goes through the helpers below it.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { until, WAIT_MS } from './wait';

/** The frame that holds the panel, and how a CSS selector reaches inside it. */
export interface PanelRoot {
  frame: Frame;
  css(selector: string): string;
}

/**
 * Where the panel is. Today: React in an open shadow root on `<last-impression-panel>` in the
 * host page (puppeteer's `>>>` pierces it). When the panel becomes an extension page in a
 * frame, this returns that frame and plain selectors, and nothing else changes. Note for that
 * day: WebDriver BiDi reports no navigation into a moz-extension document, so `frame.url()`
 * stays `about:blank`; find the frame by `frame.evaluate(() => location.href)` instead.
 */
export async function panelRoot(page: Page): Promise<PanelRoot> {
  await page.waitForSelector('last-impression-panel', { timeout: WAIT_MS });
  return { frame: page.mainFrame(), css: (selector) => `last-impression-panel >>> ${selector}` };
}

async function inPanel(page: Page, selector: string): Promise<ElementHandle<Element> | null> {
  const root = await panelRoot(page);
  return root.frame.$(root.css(selector));
}

/** `attribute` of the panel element with `data-testid`, or null while there is none. */
export async function panelAttribute(
  page: Page,
  testId: string,
  attribute: string,
): Promise<string | null> {
  const element = await inPanel(page, `[data-testid="${testId}"]`);
  return element ? element.evaluate((e, a) => e.getAttribute(a), attribute) : null;
}

/** Text of the panel element matching `selector`, or null while there is none. */
export async function panelText(page: Page, selector: string): Promise<string | null> {
  const element = await inPanel(page, selector);
  return element ? element.evaluate((e) => e.textContent ?? '') : null;
}

/** Waits until the panel's `testId` element has `attribute` = `expected`. */
export function untilPanelAttribute(
  page: Page,
  testId: string,
  attribute: string,
  expected: string,
): Promise<string | null> {
  return until(
    `panel ${testId} ${attribute}=${expected}`,
    () => panelAttribute(page, testId, attribute),
    (value) => value === expected,
  );
}

/** Waits until the panel element matching `selector` contains every one of `texts`. */
export function untilPanelText(page: Page, selector: string, ...texts: string[]) {
  return until(
    `panel ${selector} to show ${texts.join(', ')}`,
    () => panelText(page, selector),
    (text) => text !== null && texts.every((t) => text.includes(t)),
  );
}

async function controlsNamed(page: Page, name: string): Promise<ElementHandle<Element>[]> {
  const root = await panelRoot(page);
  const named: ElementHandle<Element>[] = [];
  for (const handle of await root.frame.$$(root.css(':is(button, label)'))) {
    const label = await handle.evaluate(
      (e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '',
    );
    if (label === name) named.push(handle);
  }
  return named;
}

/** Clicks the panel control whose accessible name (aria-label or text) is `name`, as a user. */
export async function clickInPanel(page: Page, name: string): Promise<void> {
  const [target] = await until(
    `a "${name}" control in the panel`,
    () => controlsNamed(page, name),
    (handles) => handles.length > 0,
  );
  await target!.click();
}

/** How many panel controls are named `name` (0 once Undo has gone, say). */
export async function countInPanel(page: Page, name: string): Promise<number> {
  return (await controlsNamed(page, name)).length;
}

/** The value of the checked channel radio in the panel. */
export async function checkedChannel(page: Page): Promise<string | null> {
  const element = await inPanel(page, 'input[type="radio"]:checked');
  return element ? element.evaluate((e) => (e as HTMLInputElement).value) : null;
}
