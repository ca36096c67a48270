import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCommand } from '../../lib/background/commands';

function activeTab(url: string | undefined) {
  vi.spyOn(browser.tabs, 'query').mockImplementation((() =>
    Promise.resolve([{ id: 7, url } as Browser.tabs.Tab])) as unknown as typeof browser.tabs.query);
  return vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
}

describe('keyboard shortcuts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('log the outcome for the panel in the active Gmail or LinkedIn tab', async () => {
    const send = activeTab('https://mail.google.com/mail/u/0/#inbox/FMfcgz');
    await runCommand('log-positive');
    expect(send).toHaveBeenCalledWith(7, { type: 'panel.log', outcome: 'positive' });

    const linkedin = activeTab('https://www.linkedin.com/in/robertkcheung/');
    await runCommand('log-negative');
    expect(linkedin).toHaveBeenCalledWith(7, { type: 'panel.log', outcome: 'negative' });
  });

  it('send nothing to other sites, unknown commands, or a tab whose URL is hidden', async () => {
    for (const url of ['https://example.com/', 'http://mail.google.com/', undefined]) {
      const send = activeTab(url);
      await runCommand('log-neutral');
      expect(send, String(url)).not.toHaveBeenCalled();
    }
    const send = activeTab('https://mail.google.com/mail/u/0/');
    await runCommand('log-everything');
    expect(send).not.toHaveBeenCalled();
  });

  it('swallow a tab without a panel yet instead of throwing', async () => {
    activeTab('https://mail.google.com/mail/u/0/').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(runCommand('log-positive')).resolves.toBeUndefined();
  });
});
