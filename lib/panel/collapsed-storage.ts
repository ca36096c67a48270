import { browser } from 'wxt/browser';

const KEY = 'panel.collapsed';

/** Collapsed or open is one choice for every site and tab, kept across reloads. */
export async function loadCollapsed(): Promise<boolean> {
  try {
    const stored = await browser.storage.local.get(KEY);
    return stored[KEY] === true;
  } catch (e) {
    console.debug('Last Impression: collapsed state not read', e);
    return false;
  }
}

export function saveCollapsed(collapsed: boolean): void {
  browser.storage.local.set({ [KEY]: collapsed }).catch((e: unknown) => {
    console.debug('Last Impression: collapsed state not saved', e);
  });
}
