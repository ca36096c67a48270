import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storedContact, importBackupOnDashboard } from './helpers';
import { latestTouches, makeBigBackup } from '../support/big-backup';

const CONTACTS = 10_000;
const TOUCHES = 100_000;

async function importBig(page: Page, now: number) {
  const backup = makeBigBackup(now, CONTACTS, TOUCHES);
  await importBackupOnDashboard(page, backup);
  await expect(page.getByRole('status')).toContainText(
    `Imported ${CONTACTS} contacts and ${TOUCHES} touches`,
    { timeout: 240_000 },
  );
  return backup;
}

function rows(page: Page) {
  return page.getByTestId('li-contact-row');
}

async function firstNames(page: Page, n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push(await rows(page).nth(i).getByRole('link').innerText());
  return names;
}

test('contacts table sorts, filters and searches 10,000 contacts; metrics match the data', async ({
  openExtensionPage,
}) => {
  test.setTimeout(360_000);
  const now = Date.now();
  const page = await openExtensionPage('dashboard.html');
  const backup = await importBig(page, now);
  const latest = latestTouches(backup);
  const nameOf = new Map(backup.contacts.map((c) => [c.id, c.name]));

  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByText(`${CONTACTS} of ${CONTACTS} contacts`)).toBeVisible();

  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const byName = backup.contacts.map((c) => c.name).sort(collator.compare);
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  expect(await firstNames(page, 3)).toEqual(byName.slice(0, 3));

  // Last touch: first click oldest first, second click newest first.
  const byLastTouch = [...latest.values()]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((t) => nameOf.get(t.contactId));
  const lastTouchHeader = page.getByRole('columnheader', { name: 'Last touch' });
  await lastTouchHeader.getByRole('button').click();
  await expect(lastTouchHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await firstNames(page, 3)).toEqual(byLastTouch.slice(0, 3));
  await lastTouchHeader.getByRole('button').click();
  await expect(lastTouchHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await firstNames(page, 3)).toEqual(byLastTouch.slice(-3).reverse());

  // Filter by last impression, then narrow by search.
  const negative = [...latest.values()].filter((t) => t.outcome === 'negative');
  await page.getByLabel('Last impression').selectOption('negative');
  await expect(page.getByText(`${negative.length} of ${CONTACTS} contacts`)).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await expect(rows(page).nth(i).getByTestId('li-row-impression')).toHaveText('negative');
  }
  const oneNegative = nameOf.get(negative[0]!.contactId)!;
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(oneNegative.slice(-5));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(oneNegative);

  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await page.getByLabel('Last impression').selectOption('none');
  const untouched = CONTACTS - latest.size;
  await expect(page.getByText(`${untouched} of ${CONTACTS} contacts`)).toBeVisible();
  await expect(rows(page).first().getByTestId('li-row-impression')).toHaveText('none yet');

  // Positive share, computed here from the generated data.
  const positive = [...latest.values()].filter((t) => t.outcome === 'positive').length;
  await page.getByRole('navigation').getByRole('link', { name: 'Metrics' }).click();
  const share = page.getByTestId('li-metric-positive-share');
  await expect(share).toHaveAttribute('data-value', /\d/);
  expect(Number(await share.getAttribute('data-value'))).toBeCloseTo(positive / latest.size, 9);
  await expect(
    page.getByRole('img', { name: /Touches per week over the last 12 weeks/ }),
  ).toBeVisible();
});

test('editing a touch changes the last impression; deleting a contact deletes its touches', async ({
  openExtensionPage,
}) => {
  test.setTimeout(360_000);
  const now = Date.now();
  const page = await openExtensionPage('dashboard.html');
  const backup = await importBig(page, now);
  const latest = latestTouches(backup);
  const search = page.getByRole('searchbox', { name: 'Search contacts' });

  // A contact whose latest touch is positive: make that touch negative.
  const target = backup.contacts.find((c) => latest.get(c.id)?.outcome === 'positive')!;
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await search.fill(target.name);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByTestId('li-row-impression')).toHaveText('positive');
  await rows(page).first().getByRole('link', { name: target.name }).click();

  await expect(page.getByRole('heading', { name: target.name })).toBeVisible();
  await page
    .getByRole('button', { name: /^Edit touch of/ })
    .first()
    .click();
  await page.getByLabel('Outcome').last().selectOption('negative');
  await page.getByRole('button', { name: 'Save touch' }).click();
  await expect(page.getByTestId('li-last-impression')).toHaveText('negative');

  await page.getByRole('link', { name: '← All contacts' }).click();
  await search.fill(target.name);
  await expect(rows(page).first().getByTestId('li-row-impression')).toHaveText('negative');

  // Delete another contact with touches.
  const doomed = backup.contacts.find(
    (c) => c.id !== target.id && backup.touches.filter((t) => t.contactId === c.id).length >= 3,
  )!;
  const doomedTouches = backup.touches.filter((t) => t.contactId === doomed.id).length;
  await search.fill(doomed.name);
  await rows(page).first().getByRole('link', { name: doomed.name }).click();
  await expect(
    page.getByRole('list', { name: `${doomedTouches} touches, newest first` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(`all ${doomedTouches} touches`);
  await page.getByRole('button', { name: 'Yes, delete' }).click();

  await search.fill(doomed.name);
  await expect(page.getByText(`0 of ${CONTACTS - 1} contacts`)).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, `#/contact/${doomed.id}`));
  await expect(page.getByRole('heading', { name: 'Contact not found' })).toBeVisible();

  const answer = await storedContact(page, { kind: 'email', value: doomed.emails[0]! });
  expect(answer).toEqual({ ok: true, data: null });
  const left = await page.evaluate(
    (contactId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('last-impression');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result
            .transaction('touchMonths')
            .objectStore('touchMonths')
            // Month records are keyed [contactId, month]; the bounds take every month.
            .count(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]));
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
    doomed.id,
  );
  expect(left).toBe(0);
});
