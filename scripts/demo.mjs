// `npm run demo`: builds the extension, opens Chromium with it on sample Gmail and LinkedIn
// pages served at their real addresses, with sample data imported. Without a display it
// runs headless and writes screenshots instead.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchExtension } from './chromium.mjs';
import { runPlain } from './plain-output.mjs';
import { sampleBackup } from '../demo/sample-backup.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.output-demo');
const shots = path.join(root, 'demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;

const built = await runPlain(
  process.execPath,
  [path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'],
  { cwd: root, env: { ...process.env, WXT_OUT_DIR: outDir } },
);
if (built !== 0) process.exit(built);

const page = (name) => readFileSync(path.join(root, 'demo/pages', name), 'utf8');
const context = await launchExtension(path.join(outDir, 'chrome-mv3'), {
  headless,
  viewport: { width: 1366, height: 768 },
});
const html = (body) => (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body });
// An address asking for a compose (`?compose=new`, in the query: a fragment is never requested)
// gets the compose page; any other Gmail address the thread.
await context.route('https://mail.google.com/**', (route) =>
  html(
    page(route.request().url().includes('compose=') ? 'gmail-compose.html' : 'gmail-thread.html'),
  )(route),
);
await context.route('https://www.linkedin.com/**', html(page('linkedin-profile.html')));

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionUrl = (file) => `chrome-extension://${new URL(worker.url()).host}/${file}`;

const dashboard = await context.newPage();
await dashboard.goto(extensionUrl('dashboard.html#/backup'));
await dashboard.getByLabel('Import backup').setInputFiles({
  name: 'sample-backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(sampleBackup())),
});
await dashboard.getByRole('status').filter({ hasText: 'Imported' }).waitFor();

// The panel is an extension page framed in the host page.
const panel = (host) => host.frameLocator('iframe[title="Last Impression"]');

const gmail = await context.newPage();
await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmxVbBvlLRPFcBvRmrkm');
await panel(gmail).getByTestId('li-contact').waitFor();

const compose = await context.newPage();
await compose.goto('https://mail.google.com/mail/u/0/?compose=new#inbox');
await panel(compose).getByTestId('li-compose-warning').waitFor();

const linkedin = await context.newPage();
await linkedin.goto('https://www.linkedin.com/in/robertkcheung/');
await panel(linkedin).getByTestId('li-contact').waitFor();

const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
await popup.goto(extensionUrl('popup.html'));
await popup.getByTestId('li-nudge').first().waitFor();

await dashboard.goto(extensionUrl('dashboard.html#/contacts'));
await dashboard.getByTestId('li-contact-row').first().waitFor();

if (headless) {
  mkdirSync(shots, { recursive: true });
  // Each page's frame follows its slot on the next animation frames; a tab shot in the
  // background runs none, so bring each to the front first.
  for (const host of [gmail, compose, linkedin]) {
    await host.bringToFront();
    await host.waitForTimeout(300);
  }
  await gmail.bringToFront();
  await gmail.screenshot({ path: path.join(shots, 'gmail-panel.png') });
  await compose.bringToFront();
  await compose.screenshot({ path: path.join(shots, 'gmail-compose.png') });
  await linkedin.bringToFront();
  await linkedin.screenshot({ path: path.join(shots, 'linkedin-panel.png') });
  await popup.screenshot({ path: path.join(shots, 'popup.png') });
  await dashboard.screenshot({ path: path.join(shots, 'dashboard.png') });
  await context.close();
  console.log(`No display: screenshots of the panel, popup and dashboard are in ${shots}`);
} else {
  await gmail.bringToFront();
  console.log('Demo running: close the browser window to end it.');
  await new Promise((resolve) => context.on('close', resolve));
}
