import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** How the popup names each site the manifest asks access to. */
const SITE_NAMES: Record<string, string> = {
  'https://mail.google.com/*': 'Gmail',
  'https://www.linkedin.com/*': 'LinkedIn',
};

/**
 * Firefox treats MV3 host permissions as optional: the user may decline them at install or
 * withdraw them later, and the panel then silently never appears on that site. This names the
 * sites without access and asks for it again. Chrome grants them at install, so it never shows.
 */
export function SiteAccess() {
  const [missing, setMissing] = useState<string[]>([]);

  const check = useCallback(async () => {
    const wanted: string[] = browser.runtime.getManifest().host_permissions ?? [];
    const held = await Promise.all(
      wanted.map((origin) => browser.permissions.contains({ origins: [origin] })),
    );
    setMissing(wanted.filter((_, i) => !held[i]));
  }, []);

  useEffect(() => {
    const onChange = () => void check();
    onChange();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [check]);

  if (missing.length === 0) return null;
  const names = missing.map((origin) => SITE_NAMES[origin] ?? origin).join(' and ');
  return (
    <section className="li-site-access" data-testid="li-site-access" aria-label="Site access">
      <p>
        No panel on {names}: the browser has not given Last Impression access to{' '}
        {missing.length > 1 ? 'them' : 'it'}.
      </p>
      <button
        type="button"
        // The request must be made in the click itself: browsers ask only on a user gesture.
        onClick={() => void browser.permissions.request({ origins: missing }).then(check)}
      >
        Allow access
      </button>
    </section>
  );
}
