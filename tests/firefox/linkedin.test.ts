import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchFirefox, type FirefoxWithExtension } from './firefox';
import { checkedChannel, untilPanelAttribute, untilPanelText } from './panel';

// The saved LinkedIn pages live in ../shared/fixtures, which a stranger's clone lacks.
const SHARED_FIXTURES = path.resolve('../shared/fixtures');
const PROFILE = 'brocc-linkedin-profile-1.html';
const haveFixtures = existsSync(path.join(SHARED_FIXTURES, PROFILE));

/** The real saved page without its scripts: LinkedIn's own code must not run offline. */
function withoutScripts(file: string): string {
  return readFileSync(path.join(SHARED_FIXTURES, file), 'utf8').replace(
    /<script\b[\s\S]*?<\/script>/gi,
    '',
  );
}

describe.skipIf(!haveFixtures)('LinkedIn (needs ../shared/fixtures)', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('a profile panel shows its person, not the viewer, with LinkedIn as the channel', async () => {
    const html = withoutScripts(PROFILE);
    const page = await firefox.openHostPage('https://www.linkedin.com/in/robertkcheung/', (url) =>
      url.hostname === 'www.linkedin.com' && url.pathname === '/in/robertkcheung/'
        ? html
        : undefined,
    );
    const contact = await untilPanelText(
      page,
      '[data-testid="li-contact"]',
      'Rob Cheung',
      '/in/robertkcheung',
    );
    expect(contact).not.toContain('Kristine McCarthy');
    expect(await checkedChannel(page)).toBe('linkedin');
    await untilPanelAttribute(page, 'li-last-impression', 'data-outcome', 'none');
  });
});
