/**
 * Gmail pages built from the facts in ../shared/HOSTS.md (no public saved Gmail thread or
 * compose page exists). Each builder names the facts it reproduces; the e2e tests serve them
 * at real https://mail.google.com/ addresses so the built content script runs on them.
 */

export interface Address {
  email: string;
  name?: string;
}

export interface Message {
  from: Address;
  to: Address[];
}

export const USER: Address = { email: 'ben@example.com', name: 'Ben Carter' };

export const THREAD_URL =
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq';
export const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

/** Attribute and text escaping, so hostile names arrive in the DOM as Gmail would hold them. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Facts: the signed-in user is in `document.title` ("Subject - ben@x.com - Gmail"); Gmail's
 * header is ~64 px and an add-on strip ~56 px sits on the far right.
 */
function shell(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="margin:0;font-family:sans-serif">
<header style="height:64px;background:#f6f8fc">Gmail</header>
<div style="position:fixed;right:0;top:64px;width:56px;bottom:0;background:#eee" aria-label="Side panel"></div>
${body}
</body></html>`;
}

/** Facts: inbox rows carry many `[email]` attributes (span.zF / span.yP), none of them a contact. */
function inboxRows(people: Address[]): string {
  return `<table class="F cf zt"><tbody>${people
    .map(
      (p, i) =>
        `<tr class="zA zE" id=":r${i}"><td class="yX xY"><span class="yP" email="${esc(p.email)}" name="${esc(p.name ?? p.email)}">${esc(p.name ?? p.email)}</span></td><td>Row ${i}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/**
 * Facts: each message is `.adn[data-message-id]` (expanded ones under `.h7`); the sender is
 * `td.gF span.gD[email]` with the display name in `name`; recipients are `.hb span.g2[email]`.
 */
function messages(list: Message[]): string {
  return list
    .map(
      (m, i) => `<div class="h7"><div class="adn ads" data-message-id="#msg-f:17${i}">
  <table><tbody><tr><td class="gF gK"><span class="qu"><span class="gD" email="${esc(m.from.email)}" name="${esc(m.from.name ?? m.from.email)}">${esc(m.from.name ?? m.from.email)}</span></span></td><td><div role="button" tabindex="0" aria-label="Reply">Reply</div><div role="button" tabindex="0" aria-label="More">⋮</div></td></tr></tbody></table>
  <div class="hb">to ${m.to.map((t) => `<span class="g2" email="${esc(t.email)}" name="${esc(t.name ?? t.email)}">${esc(t.name ?? t.email)}</span>`).join(', ')}</div>
  <div class="a3s">Message body ${i}</div>
</div></div>`,
    )
    .join('\n');
}

/**
 * Facts: the subject heading is `h2.hP[data-legacy-thread-id]`, in the subject row `.ha` with
 * "Print all" and "In new window"; its container also carries `[data-thread-perm-id]`; the
 * thread sits under `.a98.iY`; each message header has Reply and More.
 */
function thread(subject: string, list: Message[]): string {
  return `<div class="a98 iY"><div class="nH" data-thread-perm-id="thread-f:1780000000000000001">
  <div class="ha" style="display:flex;gap:8px;align-items:center"><h2 class="hP" data-legacy-thread-id="18b0c0ffee000001" data-thread-perm-id="thread-f:1780000000000000001">${esc(subject)}</h2><button aria-label="Print all">Print</button><button aria-label="In new window">New window</button></div>
  ${messages(list)}
</div></div>`;
}

/** Full-page thread, layout since November 2023: `[role=main] .g.id .a98.iY`. */
export function fullPageThreadPage(subject: string, list: Message[]): string {
  return shell(
    `${subject} - ${USER.email} - Gmail`,
    `<div role="main"><div class="g id">${thread(subject, list)}</div></div>`,
  );
}

/**
 * Reading pane (split view): `.ao9` containing `.a98.iY`, beside a list whose rows carry
 * other `[email]` attributes; the URL stays on the list (`#inbox`).
 */
export function readingPanePage(subject: string, list: Message[], rows: Address[]): string {
  return shell(
    `Inbox (3) - ${USER.email} - Gmail`,
    `<div role="main"><div class="aeF">${inboxRows(rows)}</div><div class="ao9">${thread(subject, list)}</div></div>`,
  );
}

/**
 * Floating compose: a `[role=dialog]` holding a `form` under `div.dw`; recipients since
 * October 2021 are chips `[name=to|cc|bcc] [role=option][data-hovercard-id]`, name in
 * `data-name`; the bottom bar with Send is `.btC`. The thread list stays open behind it.
 */
export function composePage(to: Address[], cc: Address[], rows: Address[]): string {
  const chips = (field: string, people: Address[]) =>
    `<div name="${field}">${people
      .map(
        (p) =>
          `<div role="option" data-hovercard-id="${esc(p.email)}" data-name="${esc(p.name ?? '')}">${esc(p.name ?? p.email)}</div>`,
      )
      .join('')}</div>`;
  return shell(
    `Inbox (3) - ${USER.email} - Gmail`,
    `<div role="main">${inboxRows(rows)}</div>
<div class="dw"><div class="nH Hd" role="dialog" style="position:fixed;right:72px;bottom:0;width:500px;height:420px;background:#fff;border:1px solid #ccc">
  <form>${chips('to', to)}${chips('cc', cc)}<input name="subjectbox" aria-label="Subject"><div role="textbox" aria-label="Message body" contenteditable="true" style="min-height:120px"></div>
  <div class="btC" style="display:flex;gap:8px;padding:8px"><div role="button" tabindex="0" aria-label="Send">Send</div><div role="button" tabindex="0" aria-label="Formatting options">A</div><div role="button" tabindex="0" aria-label="Discard draft">🗑</div></div></form>
</div></div>`,
  );
}

/** Thread list only: no contact, although rows carry `[email]` attributes. */
export function inboxPage(rows: Address[]): string {
  return shell(`Inbox (3) - ${USER.email} - Gmail`, `<div role="main">${inboxRows(rows)}</div>`);
}

/** Markup Gmail no longer has: the URL names a thread but no thread container exists. */
export function unknownLayoutPage(): string {
  return shell(
    `Subject - ${USER.email} - Gmail`,
    `<div role="main"><div class="zz-new-layout">A thread in markup nobody knows yet</div></div>`,
  );
}
