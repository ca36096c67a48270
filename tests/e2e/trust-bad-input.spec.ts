import { expect, serveHtml, test } from './fixtures';
import { openDetails, panelFrame } from './helpers';
import { fullPageThreadPage, THREAD_URL, USER } from '../support/gmail-pages';

test('Bad input: hostile names and notes render as text in the Gmail panel and the dashboard', async ({
  context,
  openExtensionPage,
}) => {
  const name = '<img src=x onerror="window.__pwned=1">محمد 👩‍💻';
  const note = '<script>window.__pwned=2</script>' + ' long'.repeat(2_000);
  const email = 'hostile+test@example.com';
  await serveHtml(
    context,
    'https://mail.google.com/**',
    fullPageThreadPage('<b>Subject</b>', [{ from: { email, name }, to: [USER] }]),
  );
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  await expect(panelFrame(gmail).getByTestId('li-contact')).toContainText(email);
  await openDetails(gmail);
  const noteBox = panelFrame(gmail).getByRole('textbox').first();
  await noteBox.fill(note);
  await panelFrame(gmail).getByRole('button', { name: 'Log neutral' }).click();
  await expect(panelFrame(gmail).getByTestId('li-last-impression')).toHaveAttribute(
    'data-outcome',
    'neutral',
  );
  const panel = panelFrame(gmail).getByTestId('li-panel');
  await expect(panel).toContainText('<script>window.__pwned=2</script>');
  await expect(panel.locator('img, script')).toHaveCount(0);

  const dashboard = await openExtensionPage('dashboard.html');
  await expect(dashboard.getByText(name).first()).toBeVisible();
  await expect(dashboard.locator('img[src="x"], script:not([src])')).toHaveCount(0);
  expect(await gmail.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await dashboard.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
