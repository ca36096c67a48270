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
    const { readFileSync } = await import('node:fs');
    const entry = readFileSync('entrypoints/dashboard/main.tsx', 'utf8');
    expect(entry).toMatch(/requestPersistentStorage\(\)/);
  });
});
