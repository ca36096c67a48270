import { newContact } from '../../lib/db/contacts';
import { addToSummary } from '../../lib/impressions';
import { DEFAULT_SETTINGS, type Contact, type Outcome } from '../../lib/model';

export const DAY = 24 * 3600 * 1000;

/** A contact created 100 days before `now`, with its summary as the given touches left it. */
export function contactWith(
  name: string,
  touches: [daysAgo: number, outcome: Outcome][],
  now: number,
  company?: string,
): Contact {
  let c: Contact = newContact(
    { name, emails: [`${name.toLowerCase()}@x.co`], linkedin: [], ...(company ? { company } : {}) },
    DEFAULT_SETTINGS,
    now - 100 * DAY,
  );
  for (const [i, [daysAgo, outcome]] of touches.entries()) {
    c = {
      ...c,
      ...addToSummary(c, {
        id: `${name}-${i}`,
        contactId: c.id,
        at: now - daysAgo * DAY,
        channel: 'email',
        outcome,
        source: 'dashboard',
        createdAt: 0,
        updatedAt: 0,
      }),
    };
  }
  return c;
}
