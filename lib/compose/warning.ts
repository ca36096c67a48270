import { differenceInCalendarDays } from 'date-fns';
import { formatGoodwill } from '../goodwill-format';
import { goodwillNow } from '../impressions';
import type { Contact, Touch } from '../model';
import { oneLine } from './templates';

function ago(at: number, now: number): string {
  const days = Math.max(0, differenceInCalendarDays(now, at));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/**
 * One line to read before an ask, for a contact whose last impression is negative or whose
 * goodwill is overdrawn: "Last impression negative, 3 days ago: 'shipment late'. Lead with the
 * fix." Null when neither holds. It informs; it never blocks sending.
 */
export function composeWarning(
  contact: Pick<
    Contact,
    | 'lastOutcome'
    | 'lastTouchAt'
    | 'touchCount'
    | 'lastPositiveAt'
    | 'goodwillAtLastTouch'
    | 'halfLifeDays'
  >,
  lastTouch: Pick<Touch, 'note' | 'at'> | undefined,
  now: number,
): string | null {
  if (contact.lastTouchAt === null) return null;
  const note = lastTouch?.note ? oneLine(lastTouch.note, 80) : '';
  if (contact.lastOutcome === 'negative') {
    const quoted = note ? `: '${note}'` : '';
    return `Last impression negative, ${ago(contact.lastTouchAt, now)}${quoted}. Lead with the fix.`;
  }
  const balance = goodwillNow(contact, now);
  if (balance < 0) {
    return `Goodwill overdrawn (${formatGoodwill(balance)}): more withdrawals than deposits lately. Bring good news before you ask.`;
  }
  return null;
}
