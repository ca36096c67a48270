import type { Episode, ReviewTouch } from '../review';

/**
 * What every stored withdrawal episode keeps, as columns with one entry per episode (IndexedDB
 * copies a few arrays many times faster than thousands of small objects): whose it is, the
 * negative touch that started it, and when its last impression flipped while it ran. A month of
 * repaired ones (`RepairMonth`, review-store.ts) adds the repairing touch; a shard of running
 * ones (`RunningShard`, running.ts) nothing more.
 */
export interface EpisodeColumns {
  contactIds: string[];
  startIds: string[];
  startAt: number[];
  startCreated: number[];
  /** The starting touch's note, '' for none. */
  notes: string[];
  /** How many of `flipAt` each episode owns, in order. */
  flipCounts: number[];
  flipAt: number[];
}

export function emptyEpisodeColumns(): EpisodeColumns {
  return {
    contactIds: [],
    startIds: [],
    startAt: [],
    startCreated: [],
    notes: [],
    flipCounts: [],
    flipAt: [],
  };
}

/** Appends an episode's contact, starting touch and flips. */
export function appendEpisodeStart(r: EpisodeColumns, e: Episode): void {
  r.contactIds.push(e.contactId);
  r.startIds.push(e.start.id);
  r.startAt.push(e.start.at);
  r.startCreated.push(e.start.createdAt);
  r.notes.push(e.start.note ?? '');
  r.flipCounts.push(e.flips.length);
  r.flipAt.push(...e.flips);
}

/** Each entry's starting touch and flips, in order. */
export function episodeStarts(r: EpisodeColumns): { start: ReviewTouch; flips: number[] }[] {
  let flip = 0;
  return r.contactIds.map((contactId, i) => {
    const note = r.notes[i]!;
    return {
      start: {
        id: r.startIds[i]!,
        contactId,
        at: r.startAt[i]!,
        outcome: 'negative',
        createdAt: r.startCreated[i]!,
        ...(note ? { note } : {}),
      },
      flips: r.flipAt.slice(flip, (flip += r.flipCounts[i]!)),
    };
  });
}
