/**
 * Reading and driving the in-page panel in Firefox. Only `panelRoot` knows where the panel
 * lives; every journey goes through the helpers below it.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { until } from './wait';

/** The frame that holds the panel, and how a CSS selector reaches inside it. */
export interface PanelRoot {
  frame: Frame;
  css(selector: string): string;
}

/** The panel's own document: the extension page the content script frames. */
const PANEL_PAGE = /^moz-extension:\/\/[^/]+\/panel\.html(?:[?#]|$)/;

async function addressOf(frame: Frame): Promise<string> {
  try {
    return await frame.evaluate(() => location.href);
  } catch {
    // A frame mid-navigation or gone.
    return '';
  }
}

/**
 * Where the panel is: the extension page `panel.html`, framed in the host page
 * (`iframe[title="Last Impression"]`). WebDriver BiDi reports no navigation into a
 * moz-extension document, so its `frame.url()` stays `about:blank`; the frame is found by the
 * address its own document reports, once its React tree has drawn.
 */
export async function panelRoot(page: Page): Promise<PanelRoot> {
  const frame = await until(
    'the panel frame',
    async () => {
      for (const candidate of page.frames()) {
        if (candidate === page.mainFrame() || !PANEL_PAGE.test(await addressOf(candidate))) {
          continue;
        }
        if (await candidate.$('[data-testid="li-panel"]')) return candidate;
      }
      return undefined;
    },
    (found) => found !== undefined,
  );
  return { frame: frame!, css: (selector) => selector };
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
    const names = await handle.evaluate((e) => [
      e.getAttribute('aria-label'),
      e.textContent?.trim() ?? '',
    ]);
    if (names.includes(name)) named.push(handle);
  }
  return named;
}

/** Clicks the panel control whose aria-label or text is `name`, as a user. */
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

/** Opens the panel's details drawer (who else is here, note, recent touches), as a user would. */
export async function openDetails(page: Page): Promise<void> {
  const root = await panelRoot(page);
  const details = await until(
    'the Details button',
    () => root.frame.$(root.css('button.li-details')),
    (handle) => handle !== null,
  );
  if ((await details!.evaluate((e) => e.getAttribute('aria-expanded'))) !== 'true') {
    await details!.click();
  }
}
