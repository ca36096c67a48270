import { setNudgeState } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/database';
import { deleteTouch, logTouch } from '@/lib/db/touches';
import type { Channel, Outcome } from '@/lib/model';
import { snoozeUntil, type SnoozeChoice } from '@/lib/nudges';

/*
 * The popup is an extension page: it writes through the same lib/db operations the background
 * uses, directly, and its live queries (and the background's badge) follow at once.
 */

export async function logFromPopup(
  contactId: string,
  outcome: Outcome,
  channel: Channel,
): Promise<{ ok: true; touchId: string } | { ok: false; error: string }> {
  const result = await logTouch(
    getDb(),
    { contactId, outcome, channel, source: 'popup' },
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
