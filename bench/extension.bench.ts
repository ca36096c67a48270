import { test, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';
import { launchExtension } from '../scripts/chromium.mjs';
import {
  CONTENT_BUDGET_BYTES,
  frameBundle,
  GMAIL_URL,
  hostBundle,
  LINKEDIN_URL,
} from './bundle-size';
import { writeDataSet, type BenchContact, type DataSpec } from './data';
import { judge, type BenchReport, type Figure, type FigureSpec, type ScalingRow } from './figures';
import { gmailThreadPage, threadId, threadMarkup } from './gmail-page';
import { FIRST_SELECTORS, installWatcher, type BenchApi } from './in-page';
import { stats, type Stats } from './stats';
import { measureEditDelete, measureTimeline, measureWeeks } from './store-figures';

const SMALL = process.env.BENCH_MODE === 'small';
const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output-bench/chrome-mv3');
const OUT_DIR = path.resolve('bench-results');
const REPS = Number(process.env.BENCH_REPS ?? 30);
const WARMUP = 5;
// BENCH_ONLY=nudge-list,dashboard measures only those figures (after the import), to check a fix.
const ONLY = process.env.BENCH_ONLY?.split(',');
const DAY = 24 * 3600 * 1000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;

const MAIN: DataSpec = SMALL
  ? { contacts: 1_000, touches: 20_000, now: TODAY, seed: 7 }
  : { contacts: 10_000, touches: 500_000, now: TODAY, seed: 7 };
// The panel and nudge figures again at other sizes (50,000 with fewer touches each, to stay in
// time); the main data set stands in for its own size.
const SCALING: DataSpec[] = (
  SMALL
    ? [{ contacts: 10_000, touches: 50_000 }]
    : [
        { contacts: 1_000, touches: 20_000 },
        { contacts: 50_000, touches: 250_000 },
      ]
).map((s) => ({ ...s, now: TODAY, seed: 11 }));

const report: BenchReport = {
  mode: SMALL ? 'small' : 'full',
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, chromium: '', node: process.version },
  data: { contacts: MAIN.contacts, touches: MAIN.touches },
  repetitions: REPS,
  figures: [],
  scaling: [],
};

test.describe.configure({ mode: 'serial' });

test.afterAll(() => {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
});

type Bench = { __bench: BenchApi };

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function repeat(times: number, once: (i: number) => Promise<number>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i += 1) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push(await once(i));
  return stats(samples);
}

/** Runs `measure`; a figure that cannot be taken (a feature not built yet) is reported, not fatal. */
async function attempt<T>(what: string, measure: () => Promise<T>): Promise<T | { note: string }> {
  if (ONLY && what !== 'import' && !ONLY.includes(what)) return { note: 'skipped (BENCH_ONLY)' };
  const started = Date.now();
  progress(`${what}…`);
  try {
    const result = await measure();
    progress(`${what} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    console.warn(`bench: ${what} not measured: ${message}`);
    return { note: `not measured: ${message}` };
  }
}

function isNote(x: unknown): x is { note: string } {
  return typeof x === 'object' && x !== null && 'note' in x && !('stats' in x);
}

// Panel pages: ?bench=<contact number> picks the thread's sender; the hash opens the thread.
function gmailUrl(n: number, rep = 0): string {
  return `https://mail.google.com/mail/u/0/?bench=${n}&r=${rep}#inbox/${threadId(n)}`;
}

async function serveGmail(context: BrowserContext, contacts: BenchContact[]): Promise<void> {
  await context.route('https://mail.google.com/**', (route) => {
    const n = Number(new URL(route.request().url()).searchParams.get('bench') ?? 0);
    const c = contacts[n] ?? contacts[0]!;
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: gmailThreadPage({ name: c.name, email: c.email }, n),
    });
  });
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

async function newWatchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(installWatcher, FIRST_SELECTORS);
  return page;
}

/** Navigation start to the first element matching `selector`, read on the page's clock. */
async function firstRender(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (s) => (window as unknown as Bench).__bench.first[s] !== undefined,
    selector,
    {
      timeout: 20_000,
    },
  );
  return page.evaluate((s) => (window as unknown as Bench).__bench.first[s]!, selector);
}

/** Contacts spread over the skew: key accounts with thousands of touches, and the long tail. */
function sampleContacts(contacts: BenchContact[]): number[] {
  const n = contacts.length;
  return [
    ...new Set([
      0,
      1,
      2,
      10,
      Math.floor(n * 0.05),
      Math.floor(n * 0.2),
      Math.floor(n * 0.5),
      Math.floor(n * 0.8),
      n - 1,
    ]),
  ];
}

async function importDataSet(
  context: BrowserContext,
  extensionId: string,
  file: string,
): Promise<{ seconds: number; heapPeakMB: number }> {
  const page = await newWatchedPage(context);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/backup`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The clock starts when the browser hands the chosen file to the page.
  await page.evaluate(() =>
    document.addEventListener(
      'change',
      () => ((window as unknown as { __t0: number }).__t0 = performance.now()),
      { capture: true, once: true },
    ),
  );
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  let seconds: number;
  try {
    await page.getByLabel('Import backup').setInputFiles(file, { timeout: 30_000 });
    seconds = await page.evaluate(async () => {
      const b = (window as unknown as Bench).__bench;
      const status = () =>
        [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').join(' ');
      const done = await b.waitFor(() => /Imported|Nothing was imported/.test(status()), 1_800_000);
      if (!status().includes('Imported')) throw new Error(status());
      return (done - (window as unknown as { __t0: number }).__t0) / 1000;
    });
  } finally {
    // Stopped before the browser closes, or its last call fails the whole run.
    sampling = false;
    await sampler.catch(() => undefined);
  }
  await page.close();
  return { seconds, heapPeakMB: peak / 2 ** 20 };
}

/**
 * The document the panel draws in: its extension frame, or the host page itself for a
 * baseline build from before the panel moved into a frame (`--baseline`).
 */
async function panelDocument(page: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate(
          () => (window as unknown as Partial<Bench>).__bench?.q('[data-testid=li-panel]') != null,
        )
        .catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(20);
  }
  throw new Error('no panel in the page or its frames');
}

/** Median of (wall clock as the panel's document reads it) − (as the host page reads it). */
async function clockSkew(page: Page, panel: Frame): Promise<number> {
  const offset = () => performance.timeOrigin + performance.now() - Date.now();
  const diffs: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    diffs.push((await panel.evaluate(offset)) - (await page.evaluate(offset)));
  }
  return diffs.sort((a, b) => a - b)[10]!;
}

/** Thread switch: hash change and thread markup swap, to the panel showing the new contact. */
async function measureThreadSwitch(
  context: BrowserContext,
  contacts: BenchContact[],
): Promise<{ stats: Stats; skew: number }> {
  const picks = sampleContacts(contacts);
  const page = await newWatchedPage(context);
  await page.goto(gmailUrl(picks[0]!));
  const panel = await panelDocument(page);
  let at = 0;
  const stats = await repeat(REPS, async () => {
    at = (at + 1) % picks.length;
    const n = picks[at]!;
    const c = contacts[n]!;
    // Armed in the panel's document first, so the change cannot slip past the wait.
    await panel.evaluate((email) => {
      const b = (window as unknown as Bench).__bench;
      b.pending = b.waitFor(
        () =>
          (b.q('[data-testid=li-contact]')?.textContent ?? '').includes(email) &&
          b.q('[data-testid=li-last-impression]') !== null,
      );
    }, c.email);
    const t0 = await page.evaluate(
      ({ markup, hash }) => {
        const t = performance.timeOrigin + performance.now();
        location.hash = hash;
        document
          .getElementById('bench-thread')!
          .replaceChildren(document.createRange().createContextualFragment(markup));
        return t;
      },
      { markup: threadMarkup({ name: c.name, email: c.email }, n), hash: `#inbox/${threadId(n)}` },
    );
    const t1 = await panel.evaluate(
      async () => performance.timeOrigin + (await (window as unknown as Bench).__bench.pending!),
    );
    return t1 - t0;
  });
  const skew = await clockSkew(page, panel);
  await page.close();
  return { stats, skew };
}

interface FirstPanel {
  /** The host page's load event to the contact's last impression in the frame: the judged figure. */
  afterLoad: Stats;
  /** The host page's navigation start to the same moment: the whole, reported beside it. */
  fromStart: Stats;
}

/**
 * A fresh load of a Gmail thread until the panel's frame shows that thread's contact, on the
 * shared wall clock. "After a page load" starts at the host's load event, which waits for our
 * frame's own load (its scripts have run); the time before it, from navigation start, is the
 * host's own loading and Chromium's loading of the frame, and is reported as well.
 */
async function measureFirstPanel(
  context: BrowserContext,
  contacts: BenchContact[],
  before?: () => Promise<void>,
): Promise<FirstPanel> {
  const n = sampleContacts(contacts)[1]!;
  const page = await newWatchedPage(context);
  const selector = '[data-testid=li-last-impression]';
  const fromStart: number[] = [];
  const afterLoad = await repeat(REPS, async (rep) => {
    await before?.();
    // Resolves at the host's load event.
    await page.goto(gmailUrl(n, rep + 1000));
    const host = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        origin: performance.timeOrigin,
        loaded: performance.timeOrigin + entry!.loadEventStart,
      };
    });
    const panel = await panelDocument(page);
    await panel.waitForFunction(
      (s) => (window as unknown as Bench).__bench.first[s] !== undefined,
      selector,
      { timeout: 20_000 },
    );
    const { at, shown } = await panel.evaluate((s) => {
      const b = (window as unknown as Bench).__bench;
      return {
        at: performance.timeOrigin + b.first[s]!,
        shown: b.q('[data-testid=li-contact]')?.textContent ?? '',
      };
    }, selector);
    if (!shown.includes(contacts[n]!.email)) throw new Error(`panel showed "${shown}"`);
    if (rep >= 0) fromStart.push(at - host.origin);
    // Shown before the page finished loading: the rep waited for nothing after it.
    return Math.max(0, at - host.loaded);
  });
  await page.close();
  return { afterLoad, fromStart: stats(fromStart) };
}

/**
 * Stops the extension's service worker between page loads, as Chrome does after 30 s idle.
 * CDP's ServiceWorker domain (on an extension page's session) both stops it and reports its
 * running status; Playwright's Worker 'close' event does not fire for a stopped worker.
 */
async function workerStopper(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp = await context.newCDPSession(page);
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status = v.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 10_000;
      while (status !== 'stopped') {
        if (Date.now() > deadline) throw new Error(`service worker still ${status}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => page.close(),
  };
}

async function measureLogPositive(
  context: BrowserContext,
  contacts: BenchContact[],
): Promise<{ stats: Stats; logged: number }> {
  const n = sampleContacts(contacts)[3]!;
  const page = await newWatchedPage(context);
  await page.goto(gmailUrl(n));
  const panel = await panelDocument(page);
  await panel.waitForFunction(
    () => (window as unknown as Bench).__bench.q('[data-testid=li-last-impression]') !== null,
  );
  let logged = 0;
  const click = (outcome: 'positive' | 'neutral') =>
    panel.evaluate(async (o) => {
      const b = (window as unknown as Bench).__bench;
      const button = [...(b.q('[data-testid=li-panel]')?.querySelectorAll('button') ?? [])].find(
        (x) => x.textContent?.trim() === `Log ${o}`,
      );
      if (!button) throw new Error(`no "Log ${o}" button`);
      const t0 = performance.now();
      button.click();
      const t1 = await b.waitFor(
        () => b.q('[data-testid=li-last-impression]')?.getAttribute('data-outcome') === o,
      );
      return t1 - t0;
    }, outcome);
  const result = await repeat(REPS, async () => {
    // Neutral first, so each positive click changes what the panel shows.
    await click('neutral');
    const t = await click('positive');
    logged += 2;
    // Let the live query's echo of this write settle before the next click.
    await page.waitForTimeout(50);
    return t;
  });
  await page.close();
  return { stats: result, logged };
}

async function measureNudgeList(
  context: BrowserContext,
  extensionId: string,
): Promise<{ stats: Stats; due: number }> {
  const page = await newWatchedPage(context);
  const result = await repeat(REPS, () =>
    firstRender(page, `chrome-extension://${extensionId}/popup.html`, '[data-testid=li-nudge]'),
  );
  const due = await page.locator('[data-testid=li-nudge]').count();
  await page.close();
  return { stats: result, due };
}

/** Snoozes the top nudge and times until the list's first entry is the next contact. */
async function measureNudgeRefresh(context: BrowserContext, extensionId: string): Promise<Stats> {
  const page = await newWatchedPage(context);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.locator('[data-testid=li-nudge]').first().waitFor();
  const result = await repeat(REPS, () =>
    page.evaluate(async () => {
      const b = (window as unknown as Bench).__bench;
      const top = () => b.q('[data-testid=li-nudge]');
      // The contact's name, not the whole entry: opening the snooze choices changes its text.
      const who = () => top()?.querySelector('strong')?.textContent;
      const before = who();
      const button = (name: string) =>
        [...(top()?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === name);
      button('Snooze')?.click();
      await b.waitFor(() => button('1 day') !== undefined);
      const t0 = performance.now();
      button('1 day')!.click();
      const t1 = await b.waitFor(() => who() !== before);
      return t1 - t0;
    }),
  );
  await page.close();
  return result;
}

async function measureDashboard(context: BrowserContext, extensionId: string): Promise<Stats> {
  const page = await newWatchedPage(context);
  const result = await repeat(REPS, () =>
    firstRender(
      page,
      `chrome-extension://${extensionId}/dashboard.html`,
      '[data-testid=li-contact-row]',
    ),
  );
  await page.close();
  return result;
}

const REVIEW_READY = '[data-testid=li-metric-median-repair-days]';

/**
 * Navigation start to the Review view's figures for this week: the 32 shards of withdrawals
 * still running, a few month records of repaired withdrawals and touch tallies, and the contacts
 * the review names read, no touch and no timeline; the review computed and drawn (its first 100
 * rows).
 * A query parameter makes each visit a full page load.
 */
async function measureReview(
  context: BrowserContext,
  extensionId: string,
): Promise<{ stats: Stats; unrepaired: number }> {
  const page = await context.newPage();
  await page.addInitScript(installWatcher, [...FIRST_SELECTORS, REVIEW_READY]);
  const result = await repeat(REPS, (rep) =>
    firstRender(
      page,
      `chrome-extension://${extensionId}/dashboard.html?r=${rep + 1000}#/review`,
      REVIEW_READY,
    ),
  );
  const unrepaired = Number(
    await page.getByTestId('li-review-unrepaired-count').getAttribute('data-value'),
  );
  await page.close();
  return { stats: result, unrepaired };
}

/** lib/hosts/gmail.ts bundled for the page, so the reader runs in Chromium on a real DOM. */
async function readerBundle(): Promise<string> {
  const entry = path.join(OUT_DIR, 'reader-entry.ts');
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    entry,
    `import { readGmail } from '../lib/hosts/gmail';\n(globalThis as unknown as { __readGmail: typeof readGmail }).__readGmail = readGmail;\n`,
  );
  const out = await build({
    input: entry,
    write: false,
    output: { format: 'iife' },
    logLevel: 'silent',
  });
  rmSync(entry);
  return out.output[0].code;
}

async function measureReader(
  context: BrowserContext,
  contacts: BenchContact[],
): Promise<{ stats: Stats; pageMB: number }> {
  const c = contacts[0]!;
  const body = gmailThreadPage({ name: c.name, email: c.email }, 0, 3 * 2 ** 20);
  const page = await context.newPage();
  await page.route('https://mail.google.com/**', (r) =>
    r.fulfill({ contentType: 'text/html; charset=utf-8', body }),
  );
  await page.goto(gmailUrl(0));
  await page.addScriptTag({ content: await readerBundle() });
  const samples = await page.evaluate(
    ({ reps, warmup, email }) => {
      type Read = (d: Document, u: string) => { kind: string; participants?: { email: string }[] };
      const read = (globalThis as unknown as { __readGmail: Read }).__readGmail;
      const times: number[] = [];
      for (let i = 0; i < warmup + reps; i += 1) {
        const t0 = performance.now();
        const view = read(document, location.href);
        const t1 = performance.now();
        if (view.participants?.[0]?.email !== email)
          throw new Error(`reader saw ${JSON.stringify(view)}`);
        if (i >= warmup) times.push(t1 - t0);
      }
      return times;
    },
    { reps: Math.max(REPS, 100), warmup: 20, email: c.email },
  );
  await page.close();
  return { stats: stats(samples), pageMB: Buffer.byteLength(body) / 2 ** 20 };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** The extension origin's IndexedDB files in the profile (LevelDB and blob directories). */
function indexedDbBytes(userDataDir: string, extensionId: string): number {
  const root = path.join(userDataDir, 'Default', 'IndexedDB');
  const mine = readdirSync(root).filter((d) => d.startsWith(`chrome-extension_${extensionId}_`));
  if (mine.length === 0) throw new Error(`no IndexedDB for the extension under ${root}`);
  return mine.reduce((sum, d) => sum + dirBytes(path.join(root, d)), 0);
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

function add(figure: Figure) {
  report.figures.push(figure);
}

function fromAttempt<T extends { stats: Stats }>(r: T | { note: string }, note?: (v: T) => string) {
  return isNote(r) ? r : { stats: r.stats, ...(note ? { note: note(r) } : {}) };
}

test('content script sizes', () => {
  report.machine.chromium = chromiumVersion();
  for (const [id, label, url] of [
    ['gmail-bundle', 'Gmail content script(s), gzip', GMAIL_URL],
    ['linkedin-bundle', 'LinkedIn content script(s), gzip', LINKEDIN_URL],
  ] as const) {
    const bundle = hostBundle(EXTENSION_DIR, url);
    add(
      judge(
        { id, label, unit: 'KB', judged: 'value', budget: CONTENT_BUDGET_BYTES / 1024 },
        bundle.files.length
          ? { value: bundle.gzipBytes / 1024, note: bundle.files.map((f) => f.file).join(' + ') }
          : { note: 'not measured: no content script is injected there' },
      ),
    );
  }
  const frame = frameBundle(EXTENSION_DIR);
  add(
    judge(
      // The issue asks only that it be reported; 150 KB is our own line, the spike measured 97.
      {
        id: 'panel-frame-bundle',
        label: 'panel frame page, gzip',
        unit: 'KB',
        judged: 'value',
        budget: 150,
      },
      { value: frame.gzipBytes / 1024, note: frame.files.map((f) => f.file).join(' + ') },
    ),
  );
});

/** The builds measured: with BASELINE_DIR, the baseline first ("before"), then this one. */
const BUILDS: { name: string; dir: string }[] = process.env.BASELINE_DIR
  ? [
      { name: 'before', dir: path.resolve(process.env.BASELINE_DIR) },
      { name: 'after', dir: EXTENSION_DIR },
    ]
  : [{ name: '', dir: EXTENSION_DIR }];

/**
 * Each figure gets a browser of its own on the same profile: nothing one figure left running
 * (pages, live queries, garbage, the worker's state) lands on the next one's clock.
 */
async function freshBrowser<T>(
  dir: string,
  userDataDir: string,
  measure: (context: BrowserContext, extensionId: string) => Promise<T>,
): Promise<T> {
  const context = await launchExtension(dir, { userDataDir });
  try {
    return await measure(context, await extensionIdOf(context));
  } finally {
    await context.close();
  }
}

const load1 = () => Number(os.loadavg()[0]!.toFixed(2));

async function measureBuild(build: { name: string; dir: string }): Promise<void> {
  const { file, contacts } = await writeDataSet(MAIN, path.join(OUT_DIR, 'data'));
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'li-bench-'));
  const tag = build.name ? `${build.name}: ` : '';
  const figure = (base: FigureSpec, measured: { stats?: Stats; value?: number; note?: string }) =>
    add({
      ...judge({ ...base, id: `${tag}${base.id}`, label: `${tag}${base.label}` }, measured),
      load: load1(),
    });
  const inBrowser = <T>(measure: (c: BrowserContext, id: string) => Promise<T>) =>
    freshBrowser(build.dir, userDataDir, measure);
  const withGmail = <T>(measure: (c: BrowserContext, id: string) => Promise<T>) =>
    inBrowser(async (c, id) => {
      await serveGmail(c, contacts);
      return measure(c, id);
    });
  // The key account with the most touches: its timeline is the longest there is.
  const key = contacts.reduce((a, b) => (b.touchCount > a.touchCount ? b : a));
  let logged = 0;
  let extensionId = '';
  progress(`build ${build.name || 'current'} (${build.dir})`);

  const imported = await attempt('import', () =>
    inBrowser((c, id) => {
      extensionId = id;
      return importDataSet(c, id, file);
    }),
  );
  figure(
    {
      id: 'import-time',
      label: `import of ${MAIN.contacts} contacts, ${MAIN.touches} touches`,
      unit: 's',
      judged: 'value',
      budget: 30,
    },
    isNote(imported) ? imported : { value: imported.seconds },
  );
  figure(
    {
      id: 'import-memory',
      label: 'importing page JS heap, peak',
      unit: 'MB',
      judged: 'value',
      budget: 500,
    },
    isNote(imported)
      ? imported
      : {
          value: imported.heapPeakMB,
          note: 'CDP Performance.getMetrics JSHeapUsedSize, sampled every 100 ms',
        },
  );
  if (isNote(imported)) throw new Error(`import failed: ${imported.note}`);

  const sw = await attempt('thread-switch', () =>
    withGmail((c) => measureThreadSwitch(c, contacts)),
  );
  figure(
    {
      id: 'thread-switch',
      label: 'Gmail thread switch to panel',
      unit: 'ms',
      judged: 'p95',
      budget: 60,
    },
    fromAttempt(sw, (r) => `clocks of page and frame differ by ${r.skew.toFixed(2)} ms`),
  );

  const warm = await attempt('first-panel', () => withGmail((c) => measureFirstPanel(c, contacts)));
  figure(
    {
      id: 'first-panel',
      label: 'first panel after page load, worker running',
      unit: 'ms',
      judged: 'p95',
      budget: 250,
      note: "from the host page's load event",
    },
    isNote(warm) ? warm : { stats: warm.afterLoad },
  );
  figure(
    {
      id: 'first-panel-whole',
      label: 'first panel from navigation start, worker running',
      unit: 'ms',
      judged: 'reported',
      note: "the host page's own load and Chromium's loading of the frame included",
    },
    isNote(warm) ? warm : { stats: warm.fromStart },
  );

  const cold = await attempt('first-panel-cold', () =>
    withGmail(async (c, id) => {
      const stopper = await workerStopper(c, id);
      try {
        return await measureFirstPanel(c, contacts, () => stopper.stop());
      } finally {
        await stopper.close();
      }
    }),
  );
  figure(
    {
      id: 'first-panel-cold',
      label: 'first panel after page load, worker stopped',
      unit: 'ms',
      judged: 'p95',
      budget: 600,
      note: "from the host page's load event; stopped with CDP ServiceWorker.stopAllWorkers before each load",
    },
    isNote(cold) ? cold : { stats: cold.afterLoad },
  );
  figure(
    {
      id: 'first-panel-cold-whole',
      label: 'first panel from navigation start, worker stopped',
      unit: 'ms',
      judged: 'reported',
    },
    isNote(cold) ? cold : { stats: cold.fromStart },
  );

  const log = await attempt('log-positive', () =>
    withGmail((c) => measureLogPositive(c, contacts)),
  );
  if (!isNote(log)) logged = log.logged;
  figure(
    {
      id: 'log-positive',
      label: 'click "Log positive" to panel updated',
      unit: 'ms',
      judged: 'p95',
      budget: 50,
    },
    fromAttempt(log),
  );

  const timeline = await attempt('timeline', () =>
    inBrowser(async (c, id) => ({ stats: await measureTimeline(c, id, key.id, REPS, WARMUP) })),
  );
  figure(
    {
      id: 'timeline',
      label: `dashboard: a key account's whole timeline (${key.touchCount} touches) to its first row`,
      unit: 'ms',
      judged: 'p95',
      budget: 500,
    },
    fromAttempt(timeline),
  );

  const editDelete = await attempt('edit-delete', () =>
    inBrowser((c, id) => measureEditDelete(c, id, key.id, REPS, WARMUP)),
  );
  const editNote =
    'the newest month of the account with the most touches; touches spread evenly over its months';
  figure(
    {
      id: 'touch-edit',
      label: "dashboard: edit of the key account's newest touch to its timeline redrawn",
      unit: 'ms',
      judged: 'p95',
      budget: 100,
      note: editNote,
    },
    isNote(editDelete) ? editDelete : { stats: editDelete.edit },
  );
  figure(
    {
      id: 'touch-delete',
      label: "dashboard: delete of the key account's newest touch to its timeline redrawn",
      unit: 'ms',
      judged: 'p95',
      budget: 100,
      note: editNote,
    },
    isNote(editDelete) ? editDelete : { stats: editDelete.remove },
  );

  const weeks = await attempt('weeks', () =>
    inBrowser(async (c, id) => ({ stats: await measureWeeks(c, id, REPS, WARMUP) })),
  );
  figure(
    {
      id: 'weeks',
      label: 'dashboard metrics: twelve weeks of touches to the weekly chart',
      unit: 'ms',
      judged: 'p95',
      budget: 500,
    },
    fromAttempt(weeks),
  );

  // The 50 ms budget is the due list itself: an action in the open popup until the list shows
  // the new order. Opening the popup also loads a page, so it is held to a page's budget.
  const refresh = await attempt('nudge-refresh', () =>
    inBrowser(async (c, id) => ({ stats: await measureNudgeRefresh(c, id) })),
  );
  figure(
    {
      id: 'nudge-refresh',
      label: 'due-nudge list for all contacts (snooze in the popup to the list redrawn)',
      unit: 'ms',
      judged: 'p95',
      budget: 50,
    },
    fromAttempt(refresh),
  );

  const nudges = await attempt('nudge-list', () => inBrowser((c, id) => measureNudgeList(c, id)));
  figure(
    {
      id: 'nudge-list',
      label: 'popup open to its first nudge (page load included)',
      unit: 'ms',
      judged: 'p95',
      budget: 250,
    },
    fromAttempt(nudges, (r) => `${r.due} nudges shown`),
  );

  const dash = await attempt('dashboard', () =>
    inBrowser(async (c, id) => ({ stats: await measureDashboard(c, id) })),
  );
  figure(
    {
      id: 'dashboard',
      label: 'dashboard contacts table first render',
      unit: 'ms',
      judged: 'p95',
      budget: 500,
    },
    fromAttempt(dash),
  );

  const review = await attempt('review', () => inBrowser((c, id) => measureReview(c, id)));
  figure(
    {
      id: 'review',
      label: 'dashboard Review view, page load to its figures',
      unit: 'ms',
      judged: 'p95',
      budget: 500,
    },
    fromAttempt(review, (r) => `${r.unrepaired} contacts not repaired yet`),
  );

  if (!build.name || build.name === 'after') {
    const reader = await attempt('reader', () => inBrowser((c) => measureReader(c, contacts)));
    figure(
      {
        id: 'reader',
        label: 'Gmail reader on a 3 MB page, per call',
        unit: 'ms',
        judged: 'p95',
        budget: 5,
      },
      fromAttempt(reader, (r) => `page ${r.pageMB.toFixed(1)} MB`),
    );
    report.scaling.push({
      contacts: MAIN.contacts,
      touches: MAIN.touches,
      ...(isNote(sw) ? {} : { threadSwitch: sw.stats }),
      ...(isNote(warm) ? {} : { firstPanel: warm.afterLoad }),
      ...(isNote(nudges) ? {} : { nudgeList: nudges.stats, dueNudges: nudges.due }),
    });
  }

  const disk = await attempt('disk-per-touch', async () => {
    const bytes = indexedDbBytes(userDataDir, extensionId);
    return {
      value: bytes / (MAIN.touches + logged),
      note: `${(bytes / 2 ** 20).toFixed(1)} MB for ${MAIN.touches + logged} touches and ${MAIN.contacts} contacts`,
    };
  });
  figure(
    {
      id: 'disk-per-touch',
      label: 'database on disk per touch',
      unit: 'bytes',
      judged: 'value',
      budget: 400,
    },
    disk,
  );
  rmSync(userDataDir, { recursive: true, force: true });
}

test('main data set: import, panel, nudges, dashboard, disk', async () => {
  test.setTimeout(60 * 60_000);
  report.machine.loadStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  for (const build of BUILDS) await measureBuild(build);
  report.machine.loadEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
});

test('scaling: panel and nudges at other sizes', async () => {
  test.skip(process.env.BENCH_SCALING === '0', 'BENCH_SCALING=0');
  test.setTimeout(30 * 60_000);
  for (const spec of SCALING) {
    const { file, contacts } = await writeDataSet(spec, path.join(OUT_DIR, 'data'));
    const context = await launchExtension(EXTENSION_DIR);
    const row: ScalingRow = { contacts: spec.contacts, touches: spec.touches };
    try {
      const extensionId = await extensionIdOf(context);
      await importDataSet(context, extensionId, file);
      await serveGmail(context, contacts);
      const sw = await attempt('thread-switch', () => measureThreadSwitch(context, contacts));
      if (!isNote(sw)) row.threadSwitch = sw.stats;
      const warm = await attempt('first-panel', () => measureFirstPanel(context, contacts));
      if (!isNote(warm)) row.firstPanel = warm.afterLoad;
      const nudges = await attempt('nudge-list', () => measureNudgeList(context, extensionId));
      if (!isNote(nudges)) {
        row.nudgeList = nudges.stats;
        row.dueNudges = nudges.due;
      }
    } catch (e) {
      row.note = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await context.close();
    }
    report.scaling.push(row);
  }
  report.scaling.sort((a, b) => a.contacts - b.contacts);
});
