import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  HAVE_SHARED_FIXTURES,
  serveHtml,
  sharedFixture,
  SHARED_FIXTURES_SKIP,
  test,
} from './fixtures';
import { panelFrame } from './helpers';
import {
  fullPageThreadPage,
  INBOX_URL,
  readingPanePage,
  THREAD_URL,
  USER,
  type Message,
} from '../support/gmail-pages';

const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const ADA = { email: 'ada@example.com', name: 'Ada Lovelace' };
const GRACE = { email: 'grace@navy.mil', name: 'Grace Hopper' };
const CONVERSATION: Message[] = [
  { from: GRACE, to: [USER, ADA] },
  { from: ADA, to: [USER, GRACE] },
];
const ROWS = [{ email: 'linus@kernel.example', name: 'Linus' }];

/** A saved page is a snapshot of the rendered DOM; its scripts must not run offline. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
}

interface Surface {
  name: string;
  url: string;
  html: () => string;
  needsShared?: boolean;
}

const SURFACES: Surface[] = [
  { name: 'Gmail thread', url: THREAD_URL, html: () => fullPageThreadPage('Q3', CONVERSATION) },
  {
    name: 'Gmail reading pane',
    url: INBOX_URL,
    html: () => readingPanePage('Q3', CONVERSATION, ROWS),
  },
  {
    name: 'LinkedIn profile',
    url: 'https://www.linkedin.com/in/robertkcheung/',
    html: () => withoutScripts(sharedFixture('brocc-linkedin-profile-1.html')),
    needsShared: true,
  },
  {
    name: 'LinkedIn messaging',
    url: 'https://www.linkedin.com/messaging/thread/2-ZDEyNzA0/',
    html: () => withoutScripts(sharedFixture('brocc-linkedin-messaging-1.html')),
    needsShared: true,
  },
];

/**
 * Every visible host control (links, buttons, fields, the usual roles, tabindex=0), probed at a
 * grid of points with elementFromPoint: none may be topped by the extension's frame.
 */
async function coveredControls(page: Page) {
  return page.evaluate(() => {
    const ours = (el: Element | null) =>
      el instanceof HTMLIFrameElement && el.title === 'Last Impression';
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=tab], [role=menuitem], [role=checkbox], [role=switch], [tabindex="0"]';
    const covered: string[] = [];
    let checked = 0;
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, innerWidth);
      const top = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, innerHeight);
      if (right - left < 1 || bottom - top < 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let visible = false;
      let hit = false;
      for (const fx of [0.1, 0.5, 0.9]) {
        for (const fy of [0.1, 0.5, 0.9]) {
          const top1 = document.elementFromPoint(
            left + (right - left) * fx,
            top + (bottom - top) * fy,
          );
          if (!top1) continue;
          if (ours(top1)) hit = true;
          else if (el.contains(top1) || top1.contains(el)) visible = true;
        }
      }
      if (!visible && !hit) continue;
      checked += 1;
      if (hit)
        covered.push(
          `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}`,
        );
    }
    return { checked, covered };
  });
}

async function open(context: BrowserContext, surface: Surface): Promise<Page> {
  await context.route(/^https?:\/\/(?!mail\.google\.com|www\.linkedin\.com)/, (r) => r.abort());
  await serveHtml(
    context,
    surface.url.startsWith('https://mail')
      ? 'https://mail.google.com/**'
      : 'https://www.linkedin.com/**',
    surface.html(),
  );
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORTS[1]!);
  await page.goto(surface.url, { waitUntil: 'domcontentloaded' });
  await expect(panelFrame(page).getByTestId('li-contact')).toBeVisible();
  return page;
}

for (const surface of SURFACES) {
  test(`the panel covers no ${surface.name} control at 1024×640, 1366×768 and 1920×1080`, async ({
    context,
  }) => {
    test.skip(Boolean(surface.needsShared) && !HAVE_SHARED_FIXTURES, SHARED_FIXTURES_SKIP);
    const page = await open(context, surface);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      // The frame follows its slot on the next animation frames.
      await expect(panelFrame(page).getByTestId('li-contact')).toBeVisible();
      await page.waitForTimeout(300);
      const { checked, covered } = await coveredControls(page);
      console.log(
        `${surface.name} ${viewport.width}×${viewport.height}: ${checked} controls checked`,
      );
      expect(checked, 'no host control found to check').toBeGreaterThan(0);
      expect(covered, `${viewport.width}×${viewport.height}`).toEqual([]);
    }
  });
}

test('after three logs in a row the three Log buttons are where they were', async ({ context }) => {
  const page = await open(context, SURFACES[0]!);
  const boxes = async () =>
    Promise.all(
      ['Log positive', 'Log neutral', 'Log negative'].map(
        async (name) => (await panelFrame(page).getByRole('button', { name }).boundingBox())!,
      ),
    );
  const before = await boxes();
  for (const name of ['Log positive', 'Log neutral', 'Log negative']) {
    await panelFrame(page).getByRole('button', { name }).click();
  }
  await expect(panelFrame(page).getByRole('button', { name: /^Undo/ })).toBeVisible();
  expect(await boxes()).toEqual(before);
});
