import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDetails, panelFrame, storedData, dashboardWith, openGmailThread } from './helpers';
import { USER } from '../support/gmail-pages';

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const ADA_NOTE = 'Ada secret: renewal at risk';
const VICTIM_NOTE = 'Victim secret: pricing exception';

/**
 * Plays the host page as an adversary, from the page's own main world: reads everything it can
 * reach, presses and types into everything, forges keys and messages. Answers what it saw.
 */
async function attack(page: Page, extensionId: string) {
  return page.evaluate(async (id) => {
    const seen: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    const frames: string[] = [];
    // Every open shadow root, and every frame's document the page can open.
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i]!;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el instanceof HTMLIFrameElement) {
          try {
            const doc = el.contentDocument;
            if (doc) roots.push(doc);
            frames.push(doc ? `open:${el.src}` : `closed:${el.src}`);
          } catch {
            frames.push(`closed:${el.src}`);
          }
        }
      }
      seen.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
    }
    // Press every reachable control and type into every field.
    let pressed = 0;
    for (const root of roots) {
      for (const el of root.querySelectorAll<HTMLElement>(
        'button, a, input, textarea, select, [role=button], [role=radio], [tabindex]',
      )) {
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          el.value = 'forged';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
        el.click();
        pressed += 1;
      }
    }
    // Synthetic keys: the log shortcuts, Enter, Escape, on the page and on the frame element.
    const iframes = [...document.querySelectorAll('iframe')];
    for (const target of [document, document.body, ...iframes]) {
      for (const init of [
        { key: '1', code: 'Digit1', altKey: true, shiftKey: true },
        { key: 'Enter', code: 'Enter' },
        { key: 'Escape', code: 'Escape' },
      ]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
      }
    }
    // Forged messages to every frame, in every shape the extension speaks.
    const forged = [
      { type: 'li-hello' },
      { type: 'li-pair', token: crypto.randomUUID() },
      { type: 'log', outcome: 'negative' },
      { type: 'screen', site: 'gmail', screen: { kind: 'people', people: [] } },
      { type: 'layout', layout: { inline: 4000, total: 4000 } },
      { type: 'touch.log', input: { channel: 'email', outcome: 'negative', source: 'gmail' } },
    ];
    for (let i = 0; i < window.frames.length; i++) {
      for (const m of forged) window.frames[i]!.postMessage(m, '*');
    }
    for (const m of forged) window.postMessage(m, '*');
    const chrome = (window as unknown as { chrome?: { runtime?: unknown } }).chrome;
    let fetched = 'refused';
    try {
      await fetch(`chrome-extension://${id}/background.js`);
      fetched = 'fetched';
    } catch {
      // Refused, as it must be.
    }
    return { text: seen.join('\n'), frames, pressed, runtime: typeof chrome?.runtime, fetched };
  }, extensionId);
}

test("Pages can't reach the data: a hostile Gmail page reads nothing of the panel and changes nothing", async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  const dashboard = await dashboardWith(openExtensionPage, [
    {
      name: 'Ada Lovelace',
      email: ADA.email,
      touches: [{ daysAgo: 3, outcome: 'positive', note: ADA_NOTE }],
    },
    {
      name: 'Vic Tim',
      email: 'victim@example.com',
      touches: [{ daysAgo: 2, outcome: 'negative', note: VICTIM_NOTE }],
    },
  ]);
  const before = await storedData(dashboard);

  const gmail = await openGmailThread(context, 'Renewal', [{ from: ADA, to: [USER] }]);
  const panel = panelFrame(gmail);
  await expect(panel.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
  await openDetails(gmail);
  await expect(panel.getByRole('region', { name: 'Recent touches' })).toContainText(ADA_NOTE);

  const first = await attack(gmail, extensionId);
  expect(first.frames.length).toBeGreaterThan(0);
  expect(first.frames.every((f) => f.startsWith('closed:'))).toBe(true);
  expect(first.text).not.toContain(ADA_NOTE);
  expect(first.text).not.toContain('li-last-impression');
  expect(first.text).not.toContain('Log positive');
  expect(first.runtime).toBe('undefined');
  expect(first.fetched).toBe('refused');

  // Re-point the reader at another stored address: the frame follows the page, as it must, but
  // what it shows stays out of the page's reach.
  await gmail.evaluate(() => {
    const sender = document.querySelector('span.gD[email]')!;
    sender.setAttribute('email', 'victim@example.com');
    sender.setAttribute('name', 'Vic Tim');
  });
  await expect(panel.getByTestId('li-contact')).toContainText('victim@example.com');
  await openDetails(gmail);
  await expect(panel.getByRole('region', { name: 'Recent touches' })).toContainText(VICTIM_NOTE);
  const second = await attack(gmail, extensionId);
  expect(second.text).not.toContain(VICTIM_NOTE);
  expect(second.text).not.toContain(ADA_NOTE);
  console.log(`hostile page: pressed ${first.pressed + second.pressed} reachable elements`);

  // Give any listener time to act on the forgeries; then nothing may have changed.
  await gmail.waitForTimeout(1_000);
  expect(await storedData(dashboard)).toBe(before);
  await expect(panel.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'negative');
});

test("Pages can't reach the data: a copy of the panel a page script embeds shows nothing", async ({
  context,
  extensionId,
}) => {
  const gmail = await openGmailThread(context, 'Renewal', [{ from: ADA, to: [USER] }]);
  await expect(panelFrame(gmail).getByTestId('li-contact')).toContainText('Ada Lovelace');

  // The fixed address is refused (panel.html is reachable only at the session's dynamic URL)...
  const fixed = await gmail.evaluate(
    (id) =>
      fetch(`chrome-extension://${id}/panel.html`).then(
        () => 'loaded',
        () => 'refused',
      ),
    extensionId,
  );
  expect(fixed).toBe('refused');
  // ...but the page can read that URL off our frame: an invisible copy over a decoy button,
  // offered every token shape the page can make up.
  await gmail.evaluate(() => {
    const decoy = document.createElement('iframe');
    decoy.id = 'decoy';
    decoy.src = document.querySelector<HTMLIFrameElement>('iframe[title="Last Impression"]')!.src;
    decoy.style.cssText = 'position:fixed;left:0;top:300px;width:600px;height:200px;opacity:0.01';
    document.body.append(decoy);
    decoy.addEventListener('load', () => {
      decoy.contentWindow!.postMessage({ type: 'li-pair', token: crypto.randomUUID() }, '*');
    });
  });
  const decoy = gmail.frameLocator('#decoy');
  await expect(decoy.getByTestId('li-panel')).toHaveAttribute('data-state', 'empty');
  await gmail.waitForTimeout(1_000);
  await expect(decoy.getByTestId('li-contact')).toHaveCount(0);
  await expect(decoy.getByRole('button', { name: 'Log positive' })).toHaveCount(0);
  await expect(panelFrame(gmail).getByTestId('li-contact')).toContainText('Ada Lovelace');
});

test("Pages can't reach the data: the panel comes back after the page removes it or replays the start event", async ({
  context,
  extensionId,
}) => {
  const gmail = await openGmailThread(context, 'Renewal', [{ from: ADA, to: [USER] }]);
  const panel = panelFrame(gmail);
  await expect(panel.getByTestId('li-contact')).toContainText('Ada Lovelace');

  const pageChange = () =>
    gmail.evaluate(() => document.body.append(document.createElement('div')));
  await gmail.evaluate(() =>
    document.querySelector('iframe[title="Last Impression"]')?.parentElement?.remove(),
  );
  await pageChange();
  await expect(panel.getByTestId('li-contact')).toContainText('Ada Lovelace');

  // WXT retires an older copy of a content script on this DOM event; a page that knows the
  // extension's id (the frame's address gives it away) can replay it.
  for (let round = 0; round < 2; round++) {
    await gmail.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:gmail:wxt:content-script-started`, {
          detail: { contentScriptName: 'gmail', messageId: 'forged' },
        }),
      );
    }, extensionId);
    await pageChange();
    await expect(panel.getByTestId('li-contact')).toContainText('Ada Lovelace');
  }
});
