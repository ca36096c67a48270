/**
 * Gmail pages for the benchmark, built from the facts in ../shared/HOSTS.md (Gmail part):
 * the thread heading h2[data-legacy-thread-id] inside the full-page thread container
 * `[role=main] .g.id .a98.iY` (November 2023 layout), messages `.adn[data-message-id]` with the
 * sender in `td.gF span.gD[email]` and recipients in `.hb span.g2[email]`, the signed-in user in
 * document.title, and (for the 3 MB page) an inbox list whose rows carry many other [email]s.
 */

export const SELF = 'me@bench.example';

export interface Person {
  name: string;
  email: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function threadId(n: number): string {
  return `FMfcgzQbench${n.toString(36).padStart(8, '0')}`;
}

/** The inner markup of the open thread: one message from `from` to the user. */
export function threadMarkup(from: Person, n: number): string {
  return `<h2 class="hP" data-legacy-thread-id="${(0x18c0000 + n).toString(16)}" data-thread-perm-id="thread-f:${1700000000 + n}">Quarterly review ${n}</h2>
<div class="h7"><div class="adn ads" data-message-id="#msg-f:${1800000000 + n}">
<table><tbody><tr><td class="gF gK"><span class="qu"><span class="gD" email="${esc(from.email)}" name="${esc(from.name)}">${esc(from.name)}</span></span></td></tr></tbody></table>
<div class="hb">to <span class="g2" email="${SELF}" name="Me">me</span></div>
<div class="a3s">Hello, following up on our conversation.</div>
</div></div>`;
}

function inboxRow(i: number): string {
  return `<tr class="zA zE" role="row"><td class="xY"><div class="yW"><span class="bA4"><span class="zF" email="sender${i}@inbox.example" name="Sender ${i}">Sender ${i}</span></span></div></td><td class="xY a4W"><div class="xS"><span class="bog">Subject line number ${i} about the proposal</span><span class="y2"> - a preview of the message body that Gmail shows in the list, cut at some length…</span></div></td><td class="xW xY"><span title="Mon, 1 Jan 2024">Jan 1</span></td></tr>`;
}

/** A Gmail page with a thread from `from` open; inbox rows pad it to at least `padToBytes`. */
export function gmailThreadPage(from: Person, n: number, padToBytes = 0): string {
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>Inbox (3) - ${SELF} - Gmail</title></head><body>`;
  const thread = `<div role="main"><div class="g id"><div class="a98 iY" id="bench-thread">${threadMarkup(from, n)}</div></div></div>`;
  const rows: string[] = [];
  let bytes = head.length + thread.length;
  while (bytes < padToBytes) {
    const row = inboxRow(rows.length);
    rows.push(row);
    bytes += row.length;
  }
  const list = rows.length
    ? `<div class="ae4 UI"><table class="F cf zt"><tbody>${rows.join('')}</tbody></table></div>`
    : '';
  return `${head}${list}${thread}</body></html>`;
}
