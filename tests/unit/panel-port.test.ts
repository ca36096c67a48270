// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELLO_MESSAGE, PAIR_MESSAGE, PANEL_PORT } from '../../lib/messages';
import { connectPanel } from '../../lib/panel/panel-port';
import { fakePort } from '../support/fake-port';

const TOKEN = '6f1c2f8e-3b7a-4d2b-9c1e-0a5b6c7d8e9f';

/** A message as the frame's window receives it from `source` (the parent is the content script's). */
function post(data: unknown, source: Window | null) {
  window.dispatchEvent(new MessageEvent('message', { data, source }));
}

describe('the panel frame asks for its token as soon as it starts', () => {
  let lifetime = new AbortController();
  afterEach(() => {
    lifetime.abort();
    lifetime = new AbortController();
    vi.restoreAllMocks();
  });

  it('says hello to its parent at once, then passes on the token its parent posts', () => {
    // In a test the window is its own parent, as a top-level page is.
    const hello = vi.spyOn(window, 'postMessage').mockImplementation(() => undefined);
    const port = fakePort(PANEL_PORT);
    const onToken = vi.fn();
    connectPanel(lifetime.signal, () => port, vi.fn(), onToken);

    // Not at the frame's load event, tens of milliseconds later: the first panel waits on it.
    expect(hello).toHaveBeenCalledWith({ type: HELLO_MESSAGE }, '*');

    post({ type: PAIR_MESSAGE, token: TOKEN }, window);
    expect(onToken).toHaveBeenCalledWith(TOKEN);
    expect(port.sent).toContainEqual({ type: 'pair', token: TOKEN });
  });

  it('takes no token from a window other than its parent', () => {
    vi.spyOn(window, 'postMessage').mockImplementation(() => undefined);
    const port = fakePort(PANEL_PORT);
    const onToken = vi.fn();
    connectPanel(lifetime.signal, () => port, vi.fn(), onToken);

    post({ type: PAIR_MESSAGE, token: TOKEN }, null);
    expect(onToken).not.toHaveBeenCalled();
    expect(port.sent).not.toContainEqual({ type: 'pair', token: TOKEN });
  });
});
