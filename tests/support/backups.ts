import type { Backup } from '../../lib/backup/format';
import type { Channel, Outcome } from '../../lib/model';
import { sampleUuid } from './sample-ids';

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
  let touchNo = 0;
  return {
    format: 'last-impression-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    contacts: contacts.map((c, i) => ({
      id: sampleUuid(1, i),
      name: c.name,
      emails: c.email ? [c.email.toLowerCase()] : [],
      linkedin: c.linkedin ? [c.linkedin] : [],
      ...(c.company ? { company: c.company } : {}),
    })),
    touches: contacts.flatMap((c, i) =>
      c.touches.map((t) => ({
        id: sampleUuid(2, touchNo++),
        contactId: sampleUuid(1, i),
        at: new Date(now - t.daysAgo * DAY).toISOString(),
        channel: t.channel ?? 'email',
        outcome: t.outcome,
        ...(t.note ? { note: t.note } : {}),
        ...(t.goodNews ? { goodNews: true } : {}),
      })),
    ),
  };
}
