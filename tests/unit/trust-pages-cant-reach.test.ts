import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createPanelBroker } from '../../lib/background/panel-broker';
import { senderRole } from '../../lib/background/sender';
import { PAGE_PORT, PANEL_PORT } from '../../lib/messages';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** A content script's message the background accepts, to corrupt one field at a time. */
const validScreen = () => ({
  type: 'screen',
  screen: {
    kind: 'people',
    people: [
      {
        identity: { kind: 'email', value: 'ada@example.com' },
        key: 'email:ada@example.com',
        name: 'Ada Lovelace',
      },
    ],
  },
});

function pairedBroker() {
  const refused: unknown[] = [];
  const broker = createPanelBroker((r) => refused.push(r));
  const port = () => {
    const listeners: ((m: unknown) => void)[] = [];
    return {
      sent: [] as unknown[],
      postMessage(m: unknown) {
        this.sent.push(m);
      },
      disconnect() {},
      onMessage: { addListener: (cb: (m: unknown) => void) => listeners.push(cb) },
      onDisconnect: { addListener: () => undefined },
      deliver: (m: unknown) => listeners.forEach((cb) => cb(m)),
    };
  };
  const page = port();
  const panel = port();
  broker.connect(page, { role: 'page', tabId: 1, site: 'gmail' });
  broker.connect(panel, { role: 'panel', tabId: 1 });
  page.deliver({ type: 'frame', token: TOKEN });
  panel.deliver({ type: 'pair', token: TOKEN });
  return { page, panel, refused };
}

const TOKEN = '6f1c2f8e-3b7a-4d2b-9c1e-0a5b6c7d8e9f';

describe("Pages can't reach the data: the background refuses bad messages", () => {
  it("Pages can't reach the data: any value that is not a protocol message is refused and passed on to nobody", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { page, panel, refused } = pairedBroker();
        page.deliver(raw);
        panel.deliver(raw);
        expect(refused).toHaveLength(2);
        expect(panel.sent).toEqual([]);
        expect(page.sent).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("Pages can't reach the data: a screen with any one field corrupted is refused", () => {
    const corruptions: [string, (m: ReturnType<typeof validScreen>) => void][] = [
      ['identity kind', (m) => Object.assign(m.screen.people[0]!.identity, { kind: 'phone' })],
      ['email', (m) => Object.assign(m.screen.people[0]!.identity, { value: 'not an email' })],
      ['name too long', (m) => Object.assign(m.screen.people[0]!, { name: 'x'.repeat(600) })],
      ['kind', (m) => Object.assign(m.screen, { kind: 'everyone' })],
      ['people not a list', (m) => Object.assign(m.screen, { people: 'ada' })],
      ['no people', (m) => Object.assign(m.screen, { people: [] })],
      ['type', (m) => Object.assign(m, { type: 'screens' })],
    ];
    for (const [what, corrupt] of corruptions) {
      const { page, panel, refused } = pairedBroker();
      const message = validScreen();
      corrupt(message);
      page.deliver(message);
      expect(refused, what).toHaveLength(1);
      expect(panel.sent, what).toEqual([]);
    }
    const { page, panel } = pairedBroker();
    page.deliver(validScreen());
    expect(panel.sent).toHaveLength(1);
  });
});

function sender(url: string | undefined, extra: Partial<Browser.runtime.MessageSender> = {}) {
  return { id: EXTENSION_ID, url, tab: { id: 1 } as Browser.tabs.Tab, frameId: 0, ...extra };
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
      expect(senderRole(PAGE_PORT, s, EXTENSION_ID, ORIGIN) !== null, JSON.stringify(s)).toBe(
        false,
      );
    }
  });

  it("Pages can't reach the data: any page outside Gmail and LinkedIn is refused (random URLs)", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname;
        fc.pre(host !== 'mail.google.com' && host !== 'www.linkedin.com');
        expect(senderRole(PAGE_PORT, sender(url), EXTENSION_ID, ORIGIN) !== null).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("Pages can't reach the data: its content scripts on Gmail and LinkedIn and its framed panel are trusted", () => {
    const page = (url: string) =>
      senderRole(PAGE_PORT, sender(url, { frameId: 0 }), EXTENSION_ID, ORIGIN);
    expect(page('https://mail.google.com/mail/u/0/#inbox')).toMatchObject({ role: 'page' });
    expect(page('https://www.linkedin.com/in/ada/')).toMatchObject({ role: 'page' });
    expect(
      senderRole(PANEL_PORT, sender(`${ORIGIN}panel.html`, { frameId: 4 }), EXTENSION_ID, ORIGIN),
    ).toMatchObject({ role: 'panel' });
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
  const shared = ['lib/page', 'lib/hosts']
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap(sourceFiles);
  return [...entries, ...shared, 'lib/messages.ts', 'lib/identity.ts'];
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
