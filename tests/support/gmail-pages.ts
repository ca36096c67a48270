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

/** Recipient chips since October 2021: `[name=to|cc] [role=option][data-hovercard-id]`. */
function chips(field: string, people: Address[]): string {
  return `<div name="${field}" style="padding:4px 8px;border-bottom:1px solid #eee">${field} ${people
    .map(
      (p) =>
        `<div role="option" data-hovercard-id="${esc(p.email)}" data-name="${esc(p.name ?? '')}" style="display:inline-block">${esc(p.name ?? p.email)}</div>`,
    )
    .join('')}<input aria-label="${field} recipients" style="border:0;width:120px"></div>`;
}

/**
 * A compose's body and bottom bar, as InboxSDK reads them (2014–2025): the message body scrolls
 * inside a window of fixed size; the bottom bar is the row `tr.btC` of `table.IZ`, its cell
 * `td.gU.Up` holding Send (`div.T-I.aoO[role=button]`) and the "More send options" arrow.
 */
function composeBody(subject: string | null, body: string): string {
  return `<form style="display:flex;flex-direction:column;flex:1 1 auto;min-height:0">
    ${body}
    ${subject === null ? '' : `<input name="subjectbox" aria-label="Subject" value="${esc(subject)}" style="border:0;border-bottom:1px solid #eee;padding:6px 8px">`}
    <div role="textbox" aria-label="Message Body" contenteditable="true" style="flex:1 1 auto;min-height:40px;overflow:auto;padding:8px">Hello,</div>
  </form>
  <table class="IZ" style="flex:none;width:100%"><tbody><tr class="btC">
    <td class="gU Up" style="padding:8px"><div class="J-J5-Ji btA" style="display:flex">
      <div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" aria-label="Send ‪(Ctrl-Enter)‬" style="background:#0b57d0;color:#fff;padding:8px 16px;border-radius:18px 0 0 18px">Send</div>
      <div class="T-I J-J5-Ji hG T-I-atl L3" role="button" tabindex="1" aria-haspopup="true" aria-label="More send options" style="background:#0b57d0;color:#fff;padding:8px;border-radius:0 18px 18px 0">▾</div>
    </div></td>
    <td class="gU az5"><div role="button" tabindex="1" aria-label="Formatting options">A</div></td>
    <td class="gU a0z"><div role="button" tabindex="1" aria-label="Attach files">📎</div></td>
    <td style="width:100%"></td>
    <td class="gU"><div role="button" tabindex="1" aria-label="Discard draft">🗑</div></td>
  </tr></tbody></table>`;
}

/**
 * Floating compose: a `[role=dialog]` holding a `form` under `div.dw`, the layer Gmail stacks
 * above the page (a positive z-index), docked at the bottom right, about 540 × 520 px, with a
 * title bar (minimise, full screen, close); recipients since October 2021 are chips
 * `[name=to|cc|bcc] [role=option][data-hovercard-id]`, name in `data-name`; the bottom bar is
 * `table.IZ` / `tr.btC`. The thread list stays open behind it. The window closes (is removed)
 * once sent.
 */
export function composePage(
  to: Address[],
  cc: Address[],
  rows: Address[],
  subject = 'Proposal',
): string {
  return shell(
    `Inbox (3) - ${USER.email} - Gmail`,
    `<div role="main">${inboxRows(rows)}</div>
<div class="dw" style="position:fixed;right:0;bottom:0;z-index:4"><div class="nH">
<div class="nH Hd" role="dialog" aria-label="New Message" style="position:fixed;right:72px;bottom:0;width:540px;height:520px;max-height:calc(100vh - 72px);background:#fff;border:1px solid #ccc;display:flex;flex-direction:column">
  <div class="aDh" style="flex:none;display:flex;gap:8px;padding:6px 8px;background:#f2f6fc"><h2 class="a3E" style="margin:0;font-size:14px;flex:1">${esc(subject)}</h2><div role="button" tabindex="0" aria-label="Minimise">_</div><div role="button" tabindex="0" aria-label="Full screen">⤢</div><div role="button" tabindex="0" aria-label="Save &amp; close">×</div></div>
  ${composeBody(subject, chips('to', to) + (cc.length ? chips('cc', cc) : ''))}
</div></div></div>`,
  );
}

/**
 * Full-screen compose: `body > .aSs > .aSt`, a modal over the whole page (a backdrop, the
 * highest layer), the compose box about 80% of the window; same form and bottom bar.
 */
export function fullScreenComposePage(
  to: Address[],
  rows: Address[],
  subject = 'Proposal',
): string {
  return shell(
    `Inbox (3) - ${USER.email} - Gmail`,
    `<div role="main">${inboxRows(rows)}</div>`,
  ).replace(
    '</body>',
    `<div class="aSs" style="position:fixed;inset:0;z-index:1000;background:rgb(0 0 0 / 0.5)"><div class="aSt" style="position:absolute;left:10%;top:5%;width:80%;height:90%">
<div class="nH Hd" role="dialog" aria-label="${esc(subject)}" style="height:100%;background:#fff;display:flex;flex-direction:column">
  <div style="flex:none;display:flex;gap:8px;padding:6px 8px;background:#f2f6fc"><h2 class="a3E" style="margin:0;font-size:14px;flex:1">${esc(subject)}</h2><div role="button" tabindex="0" aria-label="Exit full screen">⤡</div><div role="button" tabindex="0" aria-label="Save &amp; close">×</div></div>
  ${composeBody(subject, chips('to', to))}
</div></div></div>
</body>`,
  );
}

/**
 * Inline reply in a full-page thread: under the last message's `.ip`, root `.M9` holding a form
 * with the recipient chips and a hidden `input[name=subject]` (no visible subject field), then
 * the same bottom bar; Gmail scrolls it into view when the reply opens. Sending removes it.
 */
export function inlineReplyPage(subject: string, list: Message[], to: Address[]): string {
  const reply = `<div class="ip iq"><div class="M9" style="display:flex;flex-direction:column;border:1px solid #ccc;border-radius:8px;margin:8px 0">
  ${composeBody(null, `<input type="hidden" name="subject" value="Re: ${esc(subject)}">${chips('to', to)}`)}
</div></div>`;
  // Inside the last message's `.h7`, right after its `.adn`.
  return fullPageThreadPage(subject, list).replace(
    /(<div class="a3s">Message body \d+<\/div>\n<\/div>)(<\/div>)(?![\s\S]*<div class="a3s">)/,
    (_, message: string, end: string) => `${message}${reply}${end}`,
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
