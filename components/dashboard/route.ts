import { useSyncExternalStore } from 'react';

export type Route =
  | { view: 'contacts' }
  | { view: 'contact'; id: string }
  | { view: 'metrics' }
  | { view: 'review' }
  | { view: 'settings' }
  | { view: 'backup' }
  | { view: 'news' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/u, '');
  const contact = /^contact\/([^/]+)$/u.exec(path);
  if (contact) return { view: 'contact', id: decodeURIComponent(contact[1]!) };
  if (path === 'metrics' || path === 'review' || path === 'settings' || path === 'backup') {
    return { view: path };
  }
  if (path === 'news') return { view: 'news' };
  return { view: 'contacts' };
}

export function hrefOf(route: Route): string {
  return route.view === 'contact' ? `#/contact/${encodeURIComponent(route.id)}` : `#/${route.view}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
