import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const LINKEDIN_URL = 'https://www.linkedin.com/in/someone/';
/** The content scripts hold only a reader, a watcher and the frame's mount (issue 11). */
export const CONTENT_BUDGET_BYTES = 12 * 1024;
/** The panel's own page, loaded into the frame: reported, not budgeted. */
export const PANEL_PAGE = 'panel.html';

interface ContentScriptEntry {
  matches?: string[];
  exclude_matches?: string[];
  js?: string[];
  css?: string[];
}

interface WebResourceEntry {
  resources?: string[];
  matches?: string[];
}

interface Manifest {
  content_scripts?: ContentScriptEntry[];
  web_accessible_resources?: WebResourceEntry[];
}

/** Chrome match pattern (`https://*.example.com/*`) to a test on a URL. */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const m = /^(\*|https?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, pathGlob] = m;
  const u = new URL(url);
  const schemeOk = scheme === '*' ? /^https?:$/.test(u.protocol) : u.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host!.startsWith('*.')
      ? u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1))
      : u.hostname === host);
  const escaped = pathGlob!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return schemeOk && hostOk && new RegExp(`^${escaped}$`).test(u.pathname + u.search);
}

export interface HostBundle {
  files: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/**
 * Every JS and CSS file the manifest injects on `url`, plus content-script CSS it exposes to
 * that host (a shadow-root panel fetches its stylesheet at run time), gzipped one by one.
 */
export function hostBundle(extensionDir: string, url: string): HostBundle {
  const manifest = JSON.parse(
    readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'),
  ) as Manifest;
  const on = (matches?: string[], excluded?: string[]) =>
    (matches ?? []).some((p) => matchesPattern(p, url)) &&
    !(excluded ?? []).some((p) => matchesPattern(p, url));
  const names = new Set<string>();
  for (const entry of manifest.content_scripts ?? []) {
    if (!on(entry.matches, entry.exclude_matches)) continue;
    for (const f of [...(entry.js ?? []), ...(entry.css ?? [])]) names.add(f);
  }
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (!on(entry.matches)) continue;
    for (const f of entry.resources ?? []) {
      if (/^\/?content-scripts\/.*\.css$/.test(f)) names.add(f.replace(/^\//, ''));
    }
  }
  const files = [...names].sort().map((file) => {
    const body = readFileSync(path.join(extensionDir, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** The panel frame's page and every script and stylesheet it loads, gzipped one by one. */
export function frameBundle(extensionDir: string): HostBundle {
  const html = readFileSync(path.join(extensionDir, PANEL_PAGE), 'utf8');
  const names = new Set<string>([PANEL_PAGE]);
  for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) names.add(m[1]!);
  const files = [...names].sort().map((file) => {
    const body = readFileSync(path.join(extensionDir, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
