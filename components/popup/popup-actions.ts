import { browser } from 'wxt/browser';
import { writeTargetFor } from '@/lib/db/compose';
import { setNudgeState } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { deleteTouch, logTouch } from '@/lib/db/touches';
import type { Channel, Outcome } from '@/lib/model';
import { snoozeUntil, type SnoozeChoice } from '@/lib/nudges';

/*
 * The popup is an extension page: it writes through the same lib/db operations the background
 * uses, directly, and its live queries (and the background's badge) follow at once.
 */

/** `newsId`: the news the nudge named, when the rep says they brought it; it counts as told. */
export async function logFromPopup(
  contactId: string,
  outcome: Outcome,
  channel: Channel,
  newsId?: string,
): Promise<{ ok: true; touchId: string } | { ok: false; error: string }> {
  const result = await logTouch(
    getDb(),
    { contactId, outcome, channel, source: 'popup', ...(newsId ? { newsId } : {}) },
    Date.now(),
  );
  return result.ok ? { ok: true, touchId: result.value.touch.id } : result;
}

export async function undoLog(touchId: string): Promise<void> {
  await deleteTouch(getDb(), touchId, Date.now());
}

export async function snooze(contactId: string, choice: SnoozeChoice): Promise<void> {
  const now = Date.now();
  await setNudgeState(getDb(), contactId, { snoozedUntil: snoozeUntil(choice, now) }, now);
}

/** Until the next touch: the rule compares `dismissedAt` with the last touch. */
export async function dismiss(contactId: string): Promise<void> {
  const now = Date.now();
  await setNudgeState(getDb(), contactId, { dismissedAt: now }, now);
}

/**
 * Opens the drafted message in a new tab: a Gmail compose filled from the template, else the
 * last thread or a LinkedIn page, which cannot be pre-filled, so the draft goes to the
 * clipboard first. Nothing is sent. Answers what the status line should say.
 */
export async function writeFromPopup(contactId: string): Promise<string> {
  const target = await writeTargetFor(getDb(), contactId, Date.now());
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
  await browser.tabs.create({ url: target.url });
  return copied
    ? `${target.label}: the draft is on your clipboard.`
    : `${target.label}: draft opened.`;
}
