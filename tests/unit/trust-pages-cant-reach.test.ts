import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { handleRequest } from '../../lib/background/handle-request';
import { isTrustedSender } from '../../lib/background/sender';
import type { LastImpressionDb } from '../../lib/db/database';
import { logTouch } from '../../lib/db/touches';
import { MAX_MESSAGE_BYTES } from '../../lib/messaging';
import { dumpDb, makeTestDb } from '../support/db';

const NOW = Date.UTC(2026, 2, 10, 12);
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** A message the background accepts, to corrupt one field at a time. */
const validLog = () => ({
  type: 'touch.log',
  input: {
    identity: { kind: 'email', value: 'ada@example.com' },
    name: 'Ada Lovelace',
    channel: 'email',
    outcome: 'positive',
    note: 'Sent the fix',
    source: 'gmail',
  },
});

async function seeded(): Promise<LastImpressionDb> {
  const db = makeTestDb();
  const logged = await logTouch(db, { ...validLog().input, at: NOW - 86_400_000 }, NOW);
  expect(logged.ok).toBe(true);
  return db;
}

describe("Pages can't reach the data: the background refuses bad messages", () => {
  let db: LastImpressionDb;
  beforeEach(async () => {
    db = await seeded();
  });

  it("Pages can't reach the data: any value that is not a protocol message gets an error and changes nothing", async () => {
    const before = await dumpDb(db);
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3, withNullPrototype: true }), async (raw) => {
        const answer = await handleRequest(db, raw, NOW);
        expect(answer.ok).toBe(false);
        expect(answer.ok ? '' : answer.error).not.toBe('');
      }),
      { numRuns: 300 },
    );
    expect(await dumpDb(db)).toEqual(before);
  });

  it("Pages can't reach the data: a touch.log with any one field corrupted is refused and changes nothing", async () => {
    const before = await dumpDb(db);
    const field = fc.constantFrom(
      'identity',
      'name',
      'channel',
      'outcome',
      'note',
      'source',
      'at',
      'goodNews',
      'contactId',
    );
    const wrong = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 20 }).filter((s) => !['email', 'positive', 'gmail'].includes(s)),
      fc.constant({ kind: 'email', value: 'not an email' }),
      fc.constant({ kind: 'linkedin', value: 'https://evil.example/in/x' }),
      fc.constant({ kind: 'phone', value: '+1 555' }),
      fc.constant(['email']),
      fc.constant({ toString: 'x' }),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(''),
      fc.constant('   '),
    );
    await fc.assert(
      fc.asyncProperty(field, wrong, async (key, value) => {
        const message = validLog();
        const input: Record<string, unknown> = message.input;
        // A valid value for one of these keys would be accepted; skip the rare valid pick.
        if (key === 'note' && typeof value === 'string') return;
        if (key === 'name' && typeof value === 'string' && value.trim()) return;
        const plausibleTime = typeof value === 'number' && value >= 0 && value <= NOW + 3e10;
        if (key === 'at' && plausibleTime) return;
        input[key] = value;
        const answer = await handleRequest(db, message, NOW);
        expect(answer.ok, JSON.stringify({ key, value })).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(await dumpDb(db)).toEqual(before);
  });

  it("Pages can't reach the data: an oversized message is refused before it is read and changes nothing", async () => {
    const before = await dumpDb(db);
    const huge = validLog();
    huge.input.note = 'x'.repeat(MAX_MESSAGE_BYTES + 1);
    const answer = await handleRequest(db, huge, NOW);
    expect(answer).toEqual({ ok: false, error: 'Message is too large' });
    const padded = { ...validLog(), padding: 'y'.repeat(MAX_MESSAGE_BYTES) };
    expect((await handleRequest(db, padded, NOW)).ok).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });

  it("Pages can't reach the data: values that are not plain data (cycles, BigInt, functions) are refused", async () => {
    const before = await dumpDb(db);
    const cyclic: Record<string, unknown> = validLog();
    cyclic.self = cyclic;
    for (const raw of [cyclic, { type: 'touch.log', input: 10n }, () => validLog()]) {
      const answer = await handleRequest(db, raw, NOW);
      expect(answer.ok).toBe(false);
    }
    expect(await dumpDb(db)).toEqual(before);
  });

  it("Pages can't reach the data: message types the protocol does not name are refused", async () => {
    const before = await dumpDb(db);
    for (const type of ['db.clear', 'contact.delete', 'backup.export', 'eval', '__proto__']) {
      expect((await handleRequest(db, { type }, NOW)).ok, type).toBe(false);
    }
    expect(
      (await handleRequest(db, JSON.parse('{"__proto__":{"type":"touch.log"}}'), NOW)).ok,
    ).toBe(false);
    expect(await dumpDb(db)).toEqual(before);
  });
});

function sender(url: string | undefined, extra: Partial<Browser.runtime.MessageSender> = {}) {
  return { id: EXTENSION_ID, url, tab: { id: 1 } as Browser.tabs.Tab, ...extra };
}

describe("Pages can't reach the data: only this extension's own contexts are trusted", () => {
  it("Pages can't reach the data: web pages, look-alike hosts and other extensions are refused", () => {
    const refused: Browser.runtime.MessageSender[] = [
      { url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } as Browser.tabs.Tab },
      sender('https://mail.google.com/mail/u/0/', { id: 'otherextensionidotherextensionid' }),
      sender('https://evil.example/'),
      sender('https://mail.google.com.evil.example/'),
      sender('https://mail.google.com@evil.example/'),
      sender('https://evil.example/?https://mail.google.com/'),
      sender('https://linkedin.com.evil.example/in/x'),
      sender('https://docs.google.com/'),
      sender('about:blank'),
      sender('data:text/html,hi'),
      sender('not a url'),
      sender(undefined),
      sender('chrome-extension://otherextensionidotherextensionid/page.html'),
      sender('https://mail.google.com/', { tab: undefined }),
    ];
    for (const s of refused) {
      expect(isTrustedSender(s, EXTENSION_ID, ORIGIN), JSON.stringify(s)).toBe(false);
    }
  });

  it("Pages can't reach the data: any page outside Gmail and LinkedIn is refused (random URLs)", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname;
        fc.pre(host !== 'mail.google.com' && host !== 'www.linkedin.com');
        expect(isTrustedSender(sender(url), EXTENSION_ID, ORIGIN)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("Pages can't reach the data: the extension's pages and its content scripts on Gmail and LinkedIn are trusted", () => {
    expect(
      isTrustedSender(sender(`${ORIGIN}dashboard.html`, { tab: undefined }), EXTENSION_ID, ORIGIN),
    ).toBe(true);
    expect(
      isTrustedSender(sender('https://mail.google.com/mail/u/0/#inbox'), EXTENSION_ID, ORIGIN),
    ).toBe(true);
    expect(isTrustedSender(sender('https://www.linkedin.com/in/ada/'), EXTENSION_ID, ORIGIN)).toBe(
      true,
    );
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Everything bundled into content scripts: their entry points and what they draw and read with. */
function contentScriptSources(): string[] {
  const entries = readdirSync('entrypoints')
    .filter((name) => /\.content(\.tsx?|$)/.test(name))
    .flatMap((name) =>
      statSync(path.join('entrypoints', name)).isDirectory()
        ? sourceFiles(path.join('entrypoints', name))
        : [path.join('entrypoints', name)],
    );
  const shared = ['lib/panel', 'lib/hosts', 'components/panel', 'components/log']
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap(sourceFiles);
  return [...entries, ...shared, 'lib/messaging-client.ts'];
}

describe("Pages can't reach the data: the content scripts never listen to the page", () => {
  it("Pages can't reach the data: no content-script source listens for window messages", () => {
    const files = contentScriptSources();
    expect(files.some((f) => f.startsWith('entrypoints'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/addEventListener\(\s*['"`]message['"`]/);
      expect(text, file).not.toMatch(/\bonmessage\s*=/);
      expect(text, file).not.toMatch(/\bwindow\.(top|parent|opener)\b/);
    }
  });

  it("Pages can't reach the data: the built content scripts contain no window message listener", () => {
    const dir = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3', 'content-scripts');
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const file of bundles) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/addEventListener\(\s*['"`]message['"`]/);
    }
  });
});

describe("Pages can't reach the data: nothing renders page or user text as HTML", () => {
  const eslint = new ESLint();
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.message);
  };

  it("Pages can't reach the data: the lint rule refuses dangerouslySetInnerHTML, innerHTML/outerHTML writes and insertAdjacentHTML", async () => {
    const jsx = await lint(
      'export const Note = (p: { note: string }) => <p dangerouslySetInnerHTML={{ __html: p.note }} />;\n',
      'components/panel/LintProbe.tsx',
    );
    expect(jsx.join('\n')).toMatch(/dangerouslySetInnerHTML is forbidden/);
    const dom = await lint(
      'export function show(el: HTMLElement, name: string) {\n  el.innerHTML = name;\n  el.outerHTML = name;\n  el.insertAdjacentHTML("beforeend", name);\n}\n',
      'lib/panel/lint-probe.ts',
    );
    expect(dom.filter((m) => m.includes('innerHTML/outerHTML writes are forbidden'))).toHaveLength(
      2,
    );
    expect(dom.join('\n')).toMatch(/insertAdjacentHTML is forbidden/);
  });

  it("Pages can't reach the data: the lint rule lets text through (textContent, JSX text)", async () => {
    const ok = await lint(
      'export function show(el: HTMLElement, name: string) {\n  el.textContent = name;\n}\nexport const Name = (p: { name: string }) => <b>{p.name}</b>;\n',
      'components/panel/LintProbe.tsx',
    );
    expect(ok).toEqual([]);
  });
});
