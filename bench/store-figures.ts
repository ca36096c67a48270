import type { BrowserContext, Page } from '@playwright/test';
import { FIRST_SELECTORS, installWatcher, type BenchApi } from './in-page';
import { stats, type Stats } from './stats';

/*
 * The touch store's figures, through the dashboard as a user sees them: a key account's
 * timeline, an edit and a delete in it, and the metrics' weeks of touches. They drive the UI
 * only, so the same code measures the store before and after a reshape.
 */

type Bench = { __bench: BenchApi };

const TOUCH = '[data-testid=li-touch]';
const CHART = 'figure.li-chart';

async function watched(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(installWatcher, [...FIRST_SELECTORS, TOUCH, CHART]);
  return page;
}

async function firstOf(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (s) => (window as unknown as Bench).__bench.first[s] !== undefined,
    selector,
    { timeout: 60_000 },
  );
  return page.evaluate((s) => (window as unknown as Bench).__bench.first[s]!, selector);
}

async function samples(
  reps: number,
  warmup: number,
  once: (i: number) => Promise<number>,
): Promise<Stats> {
  for (let i = 0; i < warmup; i += 1) await once(-1 - i);
  const list: number[] = [];
  for (let i = 0; i < reps; i += 1) list.push(await once(i));
  return stats(list);
}

const contactUrl = (extensionId: string, contactId: string, rep: number) =>
  `chrome-extension://${extensionId}/dashboard.html?r=${rep}#/contact/${contactId}`;

/** Navigation start to the first row of a key account's whole timeline. */
export async function measureTimeline(
  context: BrowserContext,
  extensionId: string,
  contactId: string,
  reps: number,
  warmup: number,
): Promise<Stats> {
  const page = await watched(context);
  const result = await samples(reps, warmup, (rep) =>
    firstOf(page, contactUrl(extensionId, contactId, rep + 1000), TOUCH),
  );
  await page.close();
  return result;
}

/** Navigation start to the metrics' weekly chart (twelve weeks of touches read and counted). */
export async function measureWeeks(
  context: BrowserContext,
  extensionId: string,
  reps: number,
  warmup: number,
): Promise<Stats> {
  const page = await watched(context);
  const result = await samples(reps, warmup, (rep) =>
    firstOf(page, `chrome-extension://${extensionId}/dashboard.html?r=${rep}#/metrics`, CHART),
  );
  await page.close();
  return result;
}

/**
 * A key account's newest touch: "Save touch" with a new outcome, to the timeline showing it;
 * and "Delete", to the timeline one shorter (then Undo, untimed).
 */
export async function measureEditDelete(
  context: BrowserContext,
  extensionId: string,
  contactId: string,
  reps: number,
  warmup: number,
): Promise<{ edit: Stats; remove: Stats }> {
  const page = await watched(context);
  await firstOf(page, contactUrl(extensionId, contactId, 0), TOUCH);
  const edit = await samples(reps, warmup, () =>
    page.evaluate(async () => {
      const b = (window as unknown as Bench).__bench;
      const first = () => document.querySelector('[data-testid=li-touch]');
      const outcome = () => first()?.querySelector('[data-testid=li-touch-outcome]')?.textContent;
      const button = (root: ParentNode | null | undefined, text: string) =>
        [...(root?.querySelectorAll('button') ?? [])].find((x) =>
          x.textContent?.trim().startsWith(text),
        );
      button(first(), 'Edit')!.click();
      await b.waitFor(() => document.querySelector('.li-editing select[id$=-outcome]') !== null);
      const select = document.querySelector<HTMLSelectElement>('.li-editing select[id$=-outcome]')!;
      const next = outcome() === 'positive' ? 'neutral' : 'positive';
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(
        select,
        next,
      );
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      button(document.querySelector('.li-editing'), 'Save touch')!.click();
      const t1 = await b.waitFor(() => outcome() === next, 30_000);
      return t1 - t0;
    }),
  );
  const remove = await samples(reps, warmup, () =>
    page.evaluate(async () => {
      const b = (window as unknown as Bench).__bench;
      const list = () => document.querySelector('ol[aria-label$="touches, newest first"]');
      const count = () => parseInt(list()?.getAttribute('aria-label') ?? '', 10);
      const before = count();
      const row = document.querySelector('[data-testid=li-touch]');
      const del = [...(row?.querySelectorAll('button') ?? [])].find((x) =>
        x.textContent?.trim().startsWith('Delete'),
      )!;
      const t0 = performance.now();
      del.click();
      const t1 = await b.waitFor(() => count() === before - 1, 30_000);
      const undo = [...document.querySelectorAll('.li-undo button')].find(
        (x) => x.textContent?.trim() === 'Undo',
      ) as HTMLButtonElement;
      undo.click();
      await b.waitFor(() => count() === before, 30_000);
      return t1 - t0;
    }),
  );
  await page.close();
  return { edit, remove };
}
