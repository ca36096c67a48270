/**
 * Addresses the "Write to" button opens. Pure: every value is encoded here, so a headline with
 * `&`, `#`, `?`, `%`, quotes, new lines or emoji reaches the compose exactly as written.
 */

const GMAIL = 'https://mail.google.com/mail/u/';
const MAX_ACCOUNT = 99;

/**
 * `encodeURIComponent` leaves `!'()*` alone; Gmail reads them fine, but encoding them too
 * keeps the address unambiguous wherever it is pasted or logged.
 */
export function encodeParam(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A new Gmail compose in account N (`/mail/u/N/`), addressed and filled, never sent. */
export function gmailComposeUrl(input: {
  account: number;
  to: string;
  subject: string;
  body: string;
}): string {
  const account = validAccount(input.account) ? input.account : 0;
  const params = [
    'view=cm',
    'fs=1',
    `to=${encodeParam(input.to)}`,
    `su=${encodeParam(input.subject)}`,
    `body=${encodeParam(input.body)}`,
  ];
  return `${GMAIL}${account}/?${params.join('&')}`;
}

function validAccount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_ACCOUNT;
}

/** Where a rep last wrote to someone, as read from the address of the page they logged on. */
export interface PageReach {
  gmailAccount?: number;
  /** The open thread, rebuilt as `https://mail.google.com/mail/u/N/#all/<id>`. */
  gmailThreadUrl?: string;
  /** A LinkedIn conversation, `https://www.linkedin.com/messaging/thread/<id>/`. */
  linkedinThreadUrl?: string;
}

// Hash routes whose second segment is a thread id, and those whose third is (after a query
// or label name): the same whitelist the Gmail reader uses, so settings tabs never count.
const ID_SECOND = new Set([
  'inbox',
  'starred',
  'snoozed',
  'sent',
  'drafts',
  'imp',
  'all',
  'spam',
  'trash',
  'scheduled',
  'chats',
]);
const ID_THIRD = new Set(['search', 'label', 'category', 'advanced-search']);
const THREAD_ID = /^[A-Za-z0-9_-]{10,}$/u;
const LINKEDIN_THREAD = /^\/messaging\/thread\/([A-Za-z0-9_=:,.-]{3,200})\/?$/u;

/**
 * Reads the Gmail account number (`/mail/u/N/`, 0 when the URL names none) and the open
 * thread from a Gmail address, or a LinkedIn conversation from a LinkedIn one. Anything else,
 * or anything malformed, gives nothing: a page address is only a hint.
 */
export function reachFromUrl(raw: string): PageReach {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {};
  }
  if (url.protocol !== 'https:') return {};
  if (url.hostname === 'mail.google.com') {
    const m = /^\/mail\/(?:u\/(\d{1,2})\/)?/u.exec(url.pathname);
    if (!m) return {};
    const account = Number(m[1] ?? '0');
    if (!validAccount(account)) return {};
    const thread = threadIdOf(url.hash);
    return {
      gmailAccount: account,
      ...(thread ? { gmailThreadUrl: `${GMAIL}${account}/#all/${thread}` } : {}),
    };
  }
  if (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com')) {
    const m = LINKEDIN_THREAD.exec(url.pathname);
    return m ? { linkedinThreadUrl: `https://www.linkedin.com/messaging/thread/${m[1]}/` } : {};
  }
  return {};
}

function threadIdOf(hash: string): string | undefined {
  const segments = (hash.replace(/^#/u, '').split('?')[0] ?? '').split('/');
  const folder = segments[0] ?? '';
  const at = ID_SECOND.has(folder) ? 1 : ID_THIRD.has(folder) ? 2 : -1;
  if (at < 0 || segments.length !== at + 1) return undefined;
  const id = segments[at] ?? '';
  return THREAD_ID.test(id) && !/^p\d+$/u.test(id) ? id : undefined;
}

/** A LinkedIn profile from a stored path (`/in/ada-lovelace` or an id-style `/in/ACoAA…`). */
export function linkedinProfileUrl(path: string): string {
  const slug = path.replace(/^\/in\//u, '').replace(/\/+$/u, '');
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}
