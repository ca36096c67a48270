import * as v from 'valibot';
import { EMAIL_ADDRESS, normalizeLinkedinPath, type IdentityKey } from './identity';
import { InstantSchema } from './time';

export const CHANNELS = ['email', 'call', 'meeting', 'linkedin', 'other'] as const;
export const OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export const SOURCES = ['gmail', 'linkedin', 'dashboard', 'popup', 'import'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Source = (typeof SOURCES)[number];

export {
  emailKey,
  identityKeys,
  identityToKey,
  linkedinKey,
  normalizeLinkedinPath,
  type IdentityKey,
} from './identity';

export interface ContactSummary {
  touchCount: number;
  lastTouchAt: number | null;
  lastOutcome: Outcome | null;
  lastPositiveAt: number | null;
  /** Goodwill at `lastTouchAt`; it only decays after that, so "now" is derived, not stored. */
  goodwillAtLastTouch: number;
  /** Half-life the goodwill above was computed with. */
  halfLifeDays: number;
}

export interface Contact extends ContactSummary {
  id: string;
  name: string;
  emails: string[];
  linkedin: string[];
  identities: IdentityKey[];
  company?: string;
  headline?: string;
  notes?: string;
  tags: string[];
  cadenceDays?: number;
  /** Set by the user: never nudge about this contact. */
  excludeFromNudges?: boolean;
  snoozedUntil?: number;
  /** Dismissed until the next touch: dismissed while this is later than `lastTouchAt`. */
  dismissedAt?: number;
  /** Earliest moment a nudge may be due (epoch ms), or -1 when none can be; an index, not truth. */
  dueAt: number;
  /** Orders due contacts in the index: repair first, then the longest due; absent when none. */
  nudgeRank?: number;
  /** UTC months whose review records hold this contact's repaired withdrawals; derived. */
  repairMonths?: number[];
  createdAt: number;
  updatedAt: number;
}

export interface Touch {
  id: string;
  contactId: string;
  at: number;
  channel: Channel;
  outcome: Outcome;
  note?: string;
  goodNews?: boolean;
  /** The good-news item this touch shared (see lib/news); the item counts the contact as told. */
  newsId?: string;
  source: Source;
  createdAt: number;
  updatedAt: number;
}

export interface Settings {
  defaultCadenceDays: number;
  halfLifeDays: number;
  /** Minutes after local midnight. */
  digestMinutes: number;
  digestWeekends: boolean;
  notifications: boolean;
  ignoredDomains: string[];
  ownAddresses: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  defaultCadenceDays: 14,
  halfLifeDays: 30,
  digestMinutes: 9 * 60,
  digestWeekends: false,
  notifications: true,
  ignoredDomains: [],
  ownAddresses: [],
};

export const MAX_NOTE_LENGTH = 1_000_000;
export const MAX_NAME_LENGTH = 500;
/** Touches may be dated at most this far ahead (a meeting logged before it ends), never years ahead. */
export const MAX_FUTURE_MS = 366 * 24 * 3600 * 1000;

const trimmed = (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.maxLength(max, `${what} is longer than ${max} characters`),
  );

export const EmailSchema = v.pipe(
  v.string('email must be text'),
  v.trim(),
  v.toLowerCase(),
  v.regex(EMAIL_ADDRESS, 'not a valid email address'),
  v.maxLength(320, 'email is too long'),
);

/** `/in/<slug>` as seen in a LinkedIn URL; vanity slugs are case-insensitive, id-style ones are not. */
export const LinkedinPathSchema = v.pipe(
  v.string('LinkedIn path must be text'),
  v.trim(),
  v.regex(/^\/in\/[^/?#\s]{1,200}\/*$/u, 'LinkedIn path must look like /in/<profile>'),
  v.transform(normalizeLinkedinPath),
);

export const IdentitySchema = v.variant('kind', [
  v.object({ kind: v.literal('email'), value: EmailSchema }),
  v.object({ kind: v.literal('linkedin'), value: LinkedinPathSchema }),
]);
export type Identity = v.InferOutput<typeof IdentitySchema>;

export const NameSchema = v.pipe(
  trimmed(MAX_NAME_LENGTH, 'name'),
  v.nonEmpty('name must not be empty'),
);
export const NoteSchema = v.pipe(
  v.string('note must be text'),
  v.maxLength(MAX_NOTE_LENGTH, `note is longer than ${MAX_NOTE_LENGTH} characters`),
);
export const ChannelSchema = v.picklist(CHANNELS, `channel must be one of ${CHANNELS.join(', ')}`);
export const OutcomeSchema = v.picklist(OUTCOMES, `outcome must be one of ${OUTCOMES.join(', ')}`);
export const CadenceSchema = v.pipe(
  v.number('cadence must be a number of days'),
  v.integer('cadence must be a whole number of days'),
  v.minValue(1, 'cadence must be at least 1 day'),
  v.maxValue(3650, 'cadence must be at most 3650 days'),
);

const optionalText = (max: number, what: string) => v.optional(trimmed(max, what));

/**
 * What a person says about a contact: everything a form, a backup or the panel may set. The
 * rest of a stored contact (its summary, snooze, index fields, times) is derived or kept by
 * the database. A new field is added here and in Contact; lib/contact-fields.ts maps it
 * everywhere else (database, backup, edits, merges) by this schema's keys.
 */
export const ContactFieldsSchema = v.object({
  name: NameSchema,
  emails: v.array(EmailSchema, 'emails must be a list'),
  linkedin: v.array(LinkedinPathSchema, 'linkedin must be a list'),
  company: optionalText(MAX_NAME_LENGTH, 'company'),
  headline: optionalText(MAX_NAME_LENGTH, 'headline'),
  notes: v.optional(NoteSchema),
  tags: v.optional(
    v.array(
      v.pipe(v.string(), v.trim(), v.nonEmpty('tags must not be empty'), v.maxLength(100)),
      'tags must be a list',
    ),
  ),
  cadenceDays: v.optional(CadenceSchema),
  excludeFromNudges: v.optional(v.boolean()),
});
export type ContactFields = v.InferOutput<typeof ContactFieldsSchema>;

/** A touch's time: an instant (lib/time.ts) not years ahead of `now`. */
export function touchTimeSchema(now: number) {
  return v.pipe(
    InstantSchema,
    v.maxValue(now + MAX_FUTURE_MS, 'date is more than a year in the future'),
  );
}

export const SettingsSchema = v.object({
  defaultCadenceDays: CadenceSchema,
  halfLifeDays: v.pipe(
    v.number('half-life must be a number of days'),
    v.minValue(1, 'half-life must be at least 1 day'),
    v.maxValue(3650, 'half-life must be at most 3650 days'),
  ),
  digestMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 - 1)),
  digestWeekends: v.boolean(),
  notifications: v.boolean(),
  ignoredDomains: v.array(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/u, 'not a domain such as example.com'),
      v.transform((d) => d.replace(/^@/, '')),
    ),
  ),
  ownAddresses: v.array(EmailSchema),
});

/** Formats valibot issues as "touches[3].outcome: message" so the user can find the record. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 5): string {
  const lines = issues.slice(0, max).map((issue) => {
    const path = (issue.path ?? [])
      .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
      .join('')
      .replace(/^\./, '');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > max ? ` (and ${issues.length - max} more problems)` : '';
  return lines.join('; ') + more;
}
