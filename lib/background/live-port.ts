import { liveQuery, type Subscription } from 'dexie';
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import type { LastImpressionDb } from '../db/database';
import { identityToKey } from '../model';
import { WatchMessageSchema, type ContactView, type ViewsMessage } from '../messaging';
import { viewByKey } from './views';

/**
 * Feeds one content script's port from a Dexie liveQuery: any write anywhere (a tab, the
 * dashboard, an import) that touches the watched contacts is pushed to the open panel.
 */
export function serveLivePort(db: LastImpressionDb, port: Browser.runtime.Port): void {
  let subscription: Subscription | undefined;
  const stop = () => subscription?.unsubscribe();
  port.onDisconnect.addListener(stop);
  port.onMessage.addListener((raw: unknown) => {
    const parsed = v.safeParse(WatchMessageSchema, raw);
    if (!parsed.success) return;
    stop();
    const keys = [...new Set(parsed.output.identities.map(identityToKey))];
    subscription = liveQuery(async () => {
      const views: Record<string, ContactView | null> = {};
      for (const key of keys) views[key] = await viewByKey(db, key);
      return views;
    }).subscribe({
      next: (views) => {
        const message: ViewsMessage = { type: 'views', views };
        try {
          port.postMessage(message);
        } catch {
          stop();
        }
      },
      error: (e: unknown) => console.warn('Last Impression: live query failed', e),
    });
  });
}
