// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../lib/db/persist';

describe('Faults lose nothing: storage is marked persistent where the browser allows', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('Faults lose nothing: asks navigator.storage.persist() and reports the grant', async () => {
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persist, persisted } });
    await expect(requestPersistentStorage()).resolves.toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('Faults lose nothing: does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    await expect(requestPersistentStorage({ persist, persisted: async () => true })).resolves.toBe(
      true,
    );
    expect(persist).not.toHaveBeenCalled();
  });

  it('Faults lose nothing: a refusal is reported, not thrown', async () => {
    await expect(
      requestPersistentStorage({ persist: async () => false, persisted: async () => false }),
    ).resolves.toBe(false);
    await expect(
      requestPersistentStorage({
        persist: () => Promise.reject(new Error('denied')),
        persisted: async () => false,
      }),
    ).resolves.toBe(false);
  });

  it('Faults lose nothing: a browser without navigator.storage.persist is tolerated', async () => {
    vi.stubGlobal('navigator', {});
    await expect(requestPersistentStorage()).resolves.toBe(false);
    vi.stubGlobal('navigator', undefined);
    await expect(requestPersistentStorage()).resolves.toBe(false);
    await expect(requestPersistentStorage({})).resolves.toBe(false);
  });

  it('Faults lose nothing: the dashboard asks for persistent storage when it opens', async () => {
    const persist = vi.fn(async () => true);
    // jsdom has no navigator.storage; give it one the way a browser would.
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persist, persisted: async () => false },
    });
    const root = document.createElement('div');
    root.id = 'root';
    document.body.replaceChildren(root);
    // The page itself is not under test here: opening the dashboard entry is.
    vi.doMock('@/components/dashboard/Dashboard', () => ({ Dashboard: () => null }));
    await import('../../entrypoints/dashboard/main');
    await vi.waitFor(() => expect(persist).toHaveBeenCalledOnce());
  });
});
