import { readFile } from 'node:fs/promises';
import { startOfWeek } from 'date-fns';
import { expect, test } from './fixtures';
import { importBackupOnDashboard } from './helpers';
import { parseCsv } from '../../lib/csv/parse';
import { makeBackup, type SampleContact } from '../support/backups';

const DAY = 24 * 3600 * 1000;
const FORMULA_NOTE = '=HYPERLINK("http://evil.example","demo")';

/**
 * Every withdrawal sits within the last 11 weeks, so all of them fall in the 12-week figures
 * whatever the weekday. Repairs: Ada 5 days, Bob 12 (his second negative does not restart the
 * clock), Ed 3, repaired just now. Judged: those three, Cy (10 days open) and Gus (45); Di's
 * withdrawal from yesterday has not failed yet. Median 5.0; within 7 days: Ada and Ed, 2 of 5.
 */
const SAMPLE: SampleContact[] = [
  {
    name: 'Ada Repaired',
    email: 'ada@example.com',
    touches: [
      { daysAgo: 30, outcome: 'negative', note: 'Outage during the launch' },
      { daysAgo: 25, outcome: 'positive' },
    ],
  },
  {
    name: 'Bob Slow',
    email: 'bob@example.com',
    touches: [
      { daysAgo: 20, outcome: 'negative', note: 'Late invoice' },
      { daysAgo: 18, outcome: 'negative', note: 'Invoice still wrong' },
      { daysAgo: 8, outcome: 'positive' },
    ],
  },
  {
    name: 'Cy Open',
    email: 'cy@example.com',
    touches: [
      { daysAgo: 40, outcome: 'positive' },
      { daysAgo: 10, outcome: 'negative', note: 'Angry call about pricing' },
    ],
  },
  {
    name: 'Di Yesterday',
    email: 'di@example.com',
    touches: [{ daysAgo: 1, outcome: 'negative', note: FORMULA_NOTE }],
  },
  {
    name: 'Ed Quick',
    email: 'ed@example.com',
    touches: [
      { daysAgo: 3, outcome: 'negative', note: 'Missed the demo' },
      { daysAgo: 0, outcome: 'positive', channel: 'call' },
    ],
  },
  {
    name: 'Fay Happy',
    email: 'fay@example.com',
    touches: [
      { daysAgo: 5, outcome: 'neutral' },
      { daysAgo: 2, outcome: 'positive', goodNews: true },
    ],
  },
  {
    name: 'Gus Forgotten',
    email: 'gus@example.com',
    touches: [
      { daysAgo: 50, outcome: 'neutral' },
      { daysAgo: 45, outcome: 'negative', note: 'Wrong shipment' },
    ],
  },
];

test('the weekly review lists who is left on a bad impression and how fast repairs come', async ({
  openExtensionPage,
}) => {
  const now = Date.now();
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(page, makeBackup(now, SAMPLE));
  await expect(page.getByRole('status')).toContainText('Imported 7 contacts and 14 touches');

  await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();

  const unrepaired = page.getByTestId('li-review-unrepaired');
  await expect(unrepaired).toHaveCount(3);
  // Oldest first, each with its date and the note of the touch that started it.
  await expect(unrepaired.nth(0)).toContainText('Gus Forgotten');
  await expect(unrepaired.nth(0)).toContainText('Wrong shipment');
  await expect(unrepaired.nth(0)).toContainText('45 days');
  await expect(unrepaired.nth(1)).toContainText('Cy Open');
  await expect(unrepaired.nth(1)).toContainText('Angry call about pricing');
  await expect(unrepaired.nth(2)).toContainText('Di Yesterday');
  await expect(unrepaired.nth(2)).toContainText(FORMULA_NOTE);

  const repaired = page.getByTestId('li-review-repaired');
  await expect(repaired).toHaveCount(1);
  await expect(repaired).toContainText('Ed Quick');
  await expect(repaired).toContainText('Missed the demo');
  await expect(repaired.getByTestId('li-review-days')).toHaveAttribute('data-value', '3');

  const weekStart = startOfWeek(now, { weekStartsOn: 1 }).getTime();
  const thisWeek = SAMPLE.flatMap((c) => c.touches).filter(
    (t) => now - t.daysAgo * DAY >= weekStart,
  );
  const count = (f: (t: (typeof thisWeek)[number]) => boolean) => String(thisWeek.filter(f).length);
  await expect(page.getByTestId('li-review-deposits')).toHaveText(
    count((t) => t.outcome === 'positive'),
  );
  await expect(page.getByTestId('li-review-good-news')).toHaveText(count((t) => !!t.goodNews));
  await expect(page.getByTestId('li-review-withdrawals')).toHaveText(
    count((t) => t.outcome === 'negative'),
  );

  await expect(page.getByTestId('li-metric-median-repair-days')).toHaveAttribute(
    'data-value',
    '5.0',
  );
  await expect(page.getByTestId('li-metric-repaired-within-7d')).toHaveAttribute(
    'data-value',
    '0.4',
  );
  await expect(page.getByTestId('li-metric-repaired-within-7d')).toHaveText('40%');
  // Each metric is drawn week by week, with a table as its text alternative.
  await expect(page.getByRole('img', { name: /^Median days to repair/ })).toBeVisible();
  // Ed's repair, 3 days, is the only one in this week's row.
  await expect(
    page
      .getByRole('table', { name: /^Median days to repair.*week by week$/ })
      .getByRole('row')
      .last(),
  ).toContainText('3.0 d');

  // The export is the review as a spreadsheet, formula-safe.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export review (CSV)' }).click(),
  ]);
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF"Section","Contact"')).toBe(true);
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const sections = parsed.rows.filter((r) => /repaired/i.test(r[0] ?? ''));
  expect(sections.map((r) => [r[0], r[1]])).toEqual([
    ['Not repaired yet', 'Gus Forgotten'],
    ['Not repaired yet', 'Cy Open'],
    ['Not repaired yet', 'Di Yesterday'],
    ['Repaired this week', 'Ed Quick'],
  ]);
  expect(csv).toContain(`"'${FORMULA_NOTE.replace(/"/g, '""')}"`);
  const total = parsed.rows.at(-1)!;
  expect([total[0], total[5], total[8]]).toEqual(['12 weeks', '5.0', '0.400']);

  // Printing shows the review alone: no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export review (CSV)' })).toBeHidden();
  await expect(page.getByTestId('li-review-unrepaired')).toHaveCount(3);
  await page.emulateMedia({ media: 'screen' });

  // A week earlier, Ed's repair (just now) had not happened.
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page.getByTestId('li-review-week')).not.toContainText('this week');
  await expect(page.getByRole('button', { name: 'Next week' })).toBeEnabled();
  await expect(page.getByTestId('li-review-repaired').filter({ hasText: 'Ed Quick' })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: 'This week' }).click();
  await expect(page.getByRole('button', { name: 'Next week' })).toBeDisabled();
  await expect(page.getByTestId('li-review-unrepaired')).toHaveCount(3);
});

test('"Write to" on a row not repaired yet drafts the repair, even for a week gone by', async ({
  context,
  openExtensionPage,
}) => {
  // Neither Gmail nor LinkedIn is reachable: whatever the button opens is served here.
  await context.route(/^https:\/\/(mail\.google\.com|www\.linkedin\.com)\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Host</title>' }),
  );
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(
    page,
    makeBackup(Date.now(), [
      {
        name: 'Cy Open',
        email: 'cy@example.com',
        touches: [{ daysAgo: 10, outcome: 'negative', note: 'Angry call about pricing' }],
      },
      {
        name: 'Lin Only',
        linkedin: '/in/lin-only',
        touches: [{ daysAgo: 12, outcome: 'negative' }],
      },
      {
        // Unrepaired at the end of last week, repaired now: today's nudge would not be a repair.
        name: 'Eve Later',
        email: 'eve@example.com',
        touches: [
          { daysAgo: 9, outcome: 'negative' },
          { daysAgo: 0, outcome: 'positive' },
        ],
      },
    ]),
  );
  await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
  const row = (name: string) => page.getByTestId('li-review-unrepaired').filter({ hasText: name });

  const openedBy = async (name: string, button: string) => {
    const opened = context.waitForEvent('page');
    await row(name).getByRole('button', { name: button }).click();
    const tab = await opened;
    await tab.waitForURL(/^https:/);
    const url = new URL(tab.url());
    await tab.close();
    return url;
  };

  const cy = await openedBy('Cy Open', 'Write to Cy');
  expect(`${cy.origin}${cy.pathname}`).toBe('https://mail.google.com/mail/u/0/');
  expect(cy.searchParams.get('to')).toBe('cy@example.com');
  expect(cy.searchParams.get('su')).toBe('What we fixed');
  expect(cy.searchParams.get('body')).toMatch(/^Hi Cy,\n\nFirst, the fix/);

  const lin = await openedBy('Lin Only', 'Write to Lin');
  expect(lin.href).toBe('https://www.linkedin.com/in/lin-only/');

  await expect(row('Eve Later')).toHaveCount(0);
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(row('Eve Later')).toHaveCount(1);
  const eve = await openedBy('Eve Later', 'Write to Eve');
  expect(eve.searchParams.get('to')).toBe('eve@example.com');
  expect(eve.searchParams.get('su')).toBe('What we fixed');
});

test('a long list of contacts not repaired yet shows its count, its oldest rows, then all of them', async ({
  openExtensionPage,
}) => {
  const now = Date.now();
  const many: SampleContact[] = Array.from({ length: 130 }, (_, i) => ({
    name: `Person ${String(i).padStart(3, '0')}`,
    email: `p${i}@example.com`,
    // Person 000's withdrawal is the oldest; a few are repaired, one only turned neutral.
    touches: [
      { daysAgo: 200 - i, outcome: 'negative', note: `Problem ${i}` },
      ...(i % 10 === 9 ? [{ daysAgo: 1, outcome: 'positive' as const }] : []),
      ...(i === 4 ? [{ daysAgo: 2, outcome: 'neutral' as const }] : []),
    ],
  }));
  const page = await openExtensionPage('dashboard.html');
  await importBackupOnDashboard(page, makeBackup(now, many));
  await expect(page.getByRole('status')).toContainText('Imported 130 contacts');
  await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();

  // 130 withdrawals, 13 repaired, Person 004's last impression neutral: 116 left.
  const rows = page.getByTestId('li-review-unrepaired');
  await expect(page.getByTestId('li-review-unrepaired-count')).toHaveAttribute('data-value', '116');
  await expect(rows).toHaveCount(100);
  await expect(rows.first()).toContainText('Person 000');
  await expect(rows.first()).toContainText('Problem 0');
  await expect(rows.filter({ hasText: 'Person 004' })).toHaveCount(0);

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export review (CSV)' }).click(),
  ]);
  const parsed = parseCsv(await readFile((await file.path())!, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  // The export names every row, those not drawn yet too.
  const listed = parsed.rows.filter((r) => r[0] === 'Not repaired yet');
  expect(listed).toHaveLength(116);
  expect(listed.slice(98).map((r) => r[1])).toEqual(
    [...Array(130).keys()]
      .filter((i) => i % 10 !== 9 && i !== 4)
      .slice(98)
      .map((i) => `Person ${String(i).padStart(3, '0')}`),
  );
  await expect(rows.last()).toContainText('Person 111');

  await page.getByRole('button', { name: 'Show all 116 not repaired' }).click();
  await expect(rows).toHaveCount(116);
  await expect(rows.nth(100)).toContainText('Person 112');
  await expect(rows.last()).toContainText('Person 128');
  await expect(rows.last().getByRole('button', { name: 'Write to Person' })).toBeVisible();
});
