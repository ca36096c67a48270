/** Driving the extension's own pages (popup, dashboard) in Firefox, as a user would. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Backup } from '../../lib/backup/format';
import { until } from './wait';

/** Buttons (or links) under `within` whose text or aria-label is exactly `name`. */
export async function controlsNamed(
  page: Page,
  name: string,
  within = 'body',
): Promise<ElementHandle<Element>[]> {
  const named: ElementHandle<Element>[] = [];
  for (const handle of await page.$$(`${within} :is(button, a)`)) {
    const label = await handle.evaluate(
      (e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? '',
    );
    if (label === name) named.push(handle);
  }
  return named;
}

/** Clicks the first control named `name` under `within`, once it is there. */
export async function click(page: Page, name: string, within = 'body'): Promise<void> {
  const [target] = await until(
    `a "${name}" control`,
    () => controlsNamed(page, name, within),
    (handles) => handles.length > 0,
  );
  await target!.click();
}

/** Text of the first element matching `selector`, or null while there is none. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  const element = await page.$(selector);
  return element ? element.evaluate((e) => e.textContent ?? '') : null;
}

/** Waits until the element matching `selector` contains `text`. */
export function untilText(page: Page, selector: string, text: string) {
  return until(
    `${selector} to show "${text}"`,
    () => textOf(page, selector),
    (value) => value !== null && value.includes(text),
  );
}

/** Picks `backup` in the dashboard's real Import backup input and waits for its verdict. */
export async function importOnDashboard(dashboard: Page, backup: Backup): Promise<string> {
  if (!dashboard.url().includes('#/backup')) await click(dashboard, 'Backup', 'nav');
  const dir = mkdtempSync(path.join(tmpdir(), 'li-firefox-backup-'));
  try {
    const file = path.join(dir, 'backup.json');
    writeFileSync(file, JSON.stringify(backup));
    const input = await dashboard.waitForSelector('input[type="file"][aria-label="Import backup"]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    return await until(
      'the import to finish',
      () => textOf(dashboard, '[role="status"]'),
      (text) => text !== null && /Imported|Nothing was imported/.test(text),
      300_000,
    ).then((text) => text ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
