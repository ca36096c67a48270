import type { Backup } from '../../lib/backup/format';
import type { Channel, Outcome } from '../../lib/model';

const DAY = 24 * 3600 * 1000;

export interface SampleContact {
  name: string;
  email?: string;
  linkedin?: string;
  company?: string;
  touches: {
    daysAgo: number;
    outcome: Outcome;
    channel?: Channel;
    note?: string;
    goodNews?: boolean;
  }[];
}

/** A valid backup with deterministic ids, for tests and the demo. */
export function makeBackup(now: number, contacts: SampleContact[]): Backup {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;
  let touchNo = 0;
  return {
    format: 'last-impression-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    contacts: contacts.map((c, i) => ({
      id: uuid(1, i),
      name: c.name,
      emails: c.email ? [c.email.toLowerCase()] : [],
      linkedin: c.linkedin ? [c.linkedin] : [],
      ...(c.company ? { company: c.company } : {}),
    })),
    touches: contacts.flatMap((c, i) =>
      c.touches.map((t) => ({
        id: uuid(2, touchNo++),
        contactId: uuid(1, i),
        at: new Date(now - t.daysAgo * DAY).toISOString(),
        channel: t.channel ?? 'email',
        outcome: t.outcome,
        ...(t.note ? { note: t.note } : {}),
        ...(t.goodNews ? { goodNews: true } : {}),
      })),
    ),
  };
}
