import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  announceSkip,
  HAVE_SHARED_FIXTURES,
  SHARED_FIXTURES_SKIP,
  sharedFixture,
} from '../support/shared-fixtures';
import { launchFirefox, type FirefoxWithExtension } from './firefox';
import { checkedChannel, untilPanelAttribute, untilPanelText } from './panel';

const PROFILE = 'brocc-linkedin-profile-1.html';

/** The real saved page without its scripts: LinkedIn's own code must not run offline. */
function withoutScripts(file: string): string {
  return sharedFixture(file).replace(/<script\b[\s\S]*?<\/script>/gi, '');
}

announceSkip(__filename);

describe.skipIf(!HAVE_SHARED_FIXTURES)(`LinkedIn (${SHARED_FIXTURES_SKIP})`, () => {
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
