/** The part of `navigator.storage` this needs; absent in service workers and some browsers. */
export type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser not to evict the database under storage pressure. Where the browser does
 * not offer it, or says no, nothing else changes: the data still lives in the extension.
 */
export async function requestPersistentStorage(
  storage: Partial<PersistentStorage> | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
