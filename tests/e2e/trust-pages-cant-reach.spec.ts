import { expect, serveHtml, test } from './fixtures';
import { askBackground } from './helpers';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

interface View {
  ok: boolean;
  data: { contact: { touchCount: number; name: string } } | null;
}

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };

test("Pages can't reach the data: a Gmail page script can neither message the background nor forge a log", async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  await serveHtml(
    context,
    'https://mail.google.com/**',
    fullPageThreadPage('Renewal', [{ from: ADA, to: [USER] }]),
  );
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  await gmail.getByRole('button', { name: 'Log positive' }).click();
  await expect(gmail.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');

  const attempts = await gmail.evaluate(async (id) => {
    const w = window as unknown as {
      chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } };
    };
    const forged = {
      type: 'touch.log',
      input: {
        identity: { kind: 'email', value: 'mallory@evil.example' },
        name: 'Mallory',
        channel: 'email',
        outcome: 'negative',
        source: 'gmail',
      },
    };
    const results: Record<string, string> = {};
    results.runtime = typeof w.chrome?.runtime?.sendMessage;
    try {
      const send = w.chrome?.runtime?.sendMessage;
      if (typeof send !== 'function') results.sendMessage = 'unavailable';
      else {
        await send(id, forged);
        results.sendMessage = 'sent';
      }
    } catch (e) {
      results.sendMessage = `refused: ${String(e)}`;
    }
    // postMessage and DOM-event games a page could play on a content script.
    window.postMessage(forged, '*');
    window.postMessage({ ...forged, type: 'panel.log', outcome: 'negative' }, '*');
    window.postMessage(JSON.stringify(forged), '*');
    document.dispatchEvent(new CustomEvent('touch.log', { detail: forged }));
    document.dispatchEvent(new CustomEvent('li-live', { detail: forged }));
    try {
      const r = await fetch(`chrome-extension://${id}/background.js`);
      results.fetch = `status ${r.status}`;
    } catch {
      results.fetch = 'refused';
    }
    // The page's own IndexedDB is mail.google.com's, never the extension's.
    results.indexedDB = await new Promise<string>((resolve) => {
      const open = indexedDB.open('last-impression');
      open.onsuccess = () => resolve([...open.result.objectStoreNames].join(',') || 'empty');
      open.onerror = () => resolve('error');
    });
    return results;
  }, extensionId);

  expect(attempts.runtime).toBe('undefined');
  expect(attempts.sendMessage).not.toBe('sent');
  expect(attempts.fetch).toBe('refused');
  expect(attempts.indexedDB).toBe('empty');

  // Give any listener time to act on the forgeries, then read the real data.
  await gmail.waitForTimeout(1_000);
  const page = await openExtensionPage('dashboard.html');
  const mallory = await askBackground<View>(page, {
    type: 'contact.get',
    identity: { kind: 'email', value: 'mallory@evil.example' },
  });
  expect(mallory).toEqual({ ok: true, data: null });
  const ada = await askBackground<View>(page, {
    type: 'contact.get',
    identity: { kind: 'email', value: ADA.email },
  });
  expect(ada.data?.contact.touchCount).toBe(1);
  await expect(gmail.getByTestId('li-last-impression')).toHaveAttribute('data-outcome', 'positive');
});
