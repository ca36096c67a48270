import type { Channel, Outcome, Source } from '@/lib/model';

/** What the panel can be about: one identity seen on the page, with what the page says of it. */
export type PanelIdentity = { kind: 'email'; value: string } | { kind: 'linkedin'; value: string };

export interface Person {
  identity: PanelIdentity;
  /** The identity key the background indexes contacts by (`email:…`, `linkedin:/in/…`). */
  key: string;
  name?: string;
  headline?: string;
}

/** What a host page shows, reduced to what the panel needs; every site's reader maps into it. */
export type Screen =
  { kind: 'none' } | { kind: 'unreadable'; reason: string } | { kind: 'people'; people: Person[] };

export const NO_SCREEN: Screen = { kind: 'none' };

/** Equal keys mean the panel would draw the same thing, so unrelated DOM churn re-renders nothing. */
export function screenKey(screen: Screen): string {
  if (screen.kind === 'none') return 'none';
  if (screen.kind === 'unreadable') return `unreadable:${screen.reason}`;
  return JSON.stringify(screen.people.map((p) => [p.key, p.name ?? '', p.headline ?? '']));
}

/** What differs between the Gmail and LinkedIn panels; everything else is shared. */
export interface SiteConfig {
  source: Extract<Source, 'gmail' | 'linkedin'>;
  /** The channels offered, the default first. */
  channels: readonly Channel[];
  unreadableNote: string;
  /** Offer "Link to an existing contact" and "Add contact" for someone not stored yet. */
  offersLinking: boolean;
  /** Where the docked panel sits, clear of the host's own header and side strips. */
  insets: { top: number; right: number };
  /** Host windows the panel must not cover, docked at the bottom right (compose, chat). */
  bottomWindows: string;
}

export type { Channel, Outcome };
