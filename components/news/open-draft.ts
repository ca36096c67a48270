import { browser } from 'wxt/browser';
import { writeTargetFor } from '@/lib/db/compose';
import { getDb } from '@/lib/db/database';
import type { NudgeReason } from '@/lib/impressions';

/**
 * "Write to <first name>", the same from the popup, the panel and the review: opens the
 * drafted message in a new tab. A Gmail compose is filled from the template; the last thread or
 * a LinkedIn page cannot be, so the draft goes to the clipboard first. Nothing is sent.
 * `reason` forces a template (the review writes a repair whatever the nudge says now).
 * Answers what a status line should say.
 */
export async function openDraft(contactId: string, reason?: NudgeReason): Promise<string> {
  const target = await writeTargetFor(getDb(), contactId, Date.now(), reason);
  if (!target) return 'No address or LinkedIn profile to write to.';
  let copied = false;
  if (target.kind !== 'gmail-compose') {
    try {
      await navigator.clipboard.writeText(target.body);
      copied = true;
    } catch {
      // Without clipboard access the page still opens; the rep writes from scratch.
    }
  }
  // An extension API, not a link: the frame, the popup and the dashboard open it the same way,
  // and the address is built only when the rep asks (the draft reads the latest news and note).
  await browser.tabs.create({ url: target.url });
  return copied
    ? `${target.label}: the draft is on your clipboard.`
    : `${target.label}: draft opened.`;
}
