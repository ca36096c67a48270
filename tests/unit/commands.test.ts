import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCommand } from '../../lib/background/commands';

function activeTab(url: string | undefined, hasPanel = true) {
  vi.spyOn(browser.tabs, 'query').mockImplementation((() =>
    Promise.resolve([{ id: 7, url } as Browser.tabs.Tab])) as unknown as typeof browser.tabs.query);
  return { toPanel: vi.fn(() => hasPanel) };
}

describe('keyboard shortcuts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('log the outcome in the panel frame of the active Gmail or LinkedIn tab', async () => {
    const gmail = activeTab('https://mail.google.com/mail/u/0/#inbox/FMfcgz');
    await runCommand('log-positive', gmail);
    expect(gmail.toPanel).toHaveBeenCalledWith(7, { type: 'log', outcome: 'positive' });

    const linkedin = activeTab('https://www.linkedin.com/in/robertkcheung/');
    await runCommand('log-negative', linkedin);
    expect(linkedin.toPanel).toHaveBeenCalledWith(7, { type: 'log', outcome: 'negative' });
  });

  it('send nothing to other sites, unknown commands, or a tab whose URL is hidden', async () => {
    for (const url of ['https://example.com/', 'http://mail.google.com/', undefined]) {
      const broker = activeTab(url);
      await runCommand('log-neutral', broker);
      expect(broker.toPanel, String(url)).not.toHaveBeenCalled();
    }
    const broker = activeTab('https://mail.google.com/mail/u/0/');
    await runCommand('log-everything', broker);
    expect(broker.toPanel).not.toHaveBeenCalled();
  });

  it('do nothing in a tab without a panel yet', async () => {
    const broker = activeTab('https://mail.google.com/mail/u/0/', false);
    await expect(runCommand('log-positive', broker)).resolves.toBeUndefined();
  });
});
