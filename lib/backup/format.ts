import * as v from 'valibot';
import {
  CadenceSchema,
  ChannelSchema,
  EmailSchema,
  LinkedinPathSchema,
  MAX_NAME_LENGTH,
  NameSchema,
  NoteSchema,
  OutcomeSchema,
  SOURCES,
} from '../model';
import { AudienceEntrySchema, DaySchema, MAX_HEADLINE_LENGTH } from '../news/types';
import { IsoInstantTextSchema } from '../time';

export const BACKUP_FORMAT = 'last-impression-backup';
/** Version 2 adds the good-news bank (`news`) and a touch's `newsId`; version 1 still imports. */
export const BACKUP_VERSION = 2;
export const BACKUP_VERSIONS = [1, 2] as const;

/** Times are zoned ISO text; lib/time.ts refuses what Date.parse would read as NaN or roll over. */
const IsoDate = IsoInstantTextSchema;
// Every id this extension makes is a UUID, and the message protocol accepts only those, so a
// hand-made id would import a contact nobody could log to: refuse it here instead.
const Id = v.pipe(
  v.string('id must be text'),
  v.uuid('id must be a UUID such as 0b7d3c1e-9f1a-4c2b-8e5d-2a6f4b8c9d10'),
);
const OptionalText = (what: string) =>
  v.optional(v.pipe(v.string(`${what} must be text`), v.maxLength(MAX_NAME_LENGTH)));

export const BackupContactSchema = v.object({
  id: Id,
  name: NameSchema,
  emails: v.array(EmailSchema, 'emails must be a list'),
  linkedin: v.array(LinkedinPathSchema, 'linkedin must be a list'),
  company: OptionalText('company'),
  headline: OptionalText('headline'),
  notes: v.optional(NoteSchema),
  tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(100)), 'tags must be a list')),
  cadenceDays: v.optional(CadenceSchema),
  excludeFromNudges: v.optional(v.boolean()),
  /** When it was added: a nudge with no positive touch yet counts from it. */
  createdAt: v.optional(IsoDate),
});

export const BackupTouchSchema = v.object({
  id: Id,
  contactId: Id,
  at: IsoDate,
  channel: ChannelSchema,
  outcome: OutcomeSchema,
  note: v.optional(NoteSchema),
  goodNews: v.optional(v.boolean('goodNews must be true or false')),
  /** Version 2: the news item this touch shared. */
  newsId: v.optional(Id),
  source: v.optional(v.picklist(SOURCES)),
  /** When it was logged: among touches at the same time, the later-logged one is the last impression. */
  createdAt: v.optional(IsoDate),
});

/** Version 2: one item of the good-news bank; audience contacts are ids of this file's contacts. */
export const BackupNewsSchema = v.object({
  id: Id,
  headline: v.pipe(
    v.string('headline must be text'),
    v.trim(),
    v.nonEmpty('headline must not be empty'),
    v.maxLength(MAX_HEADLINE_LENGTH),
  ),
  details: v.optional(NoteSchema),
  day: DaySchema,
  audience: v.array(AudienceEntrySchema, 'audience must be a list'),
  createdAt: v.optional(IsoDate),
});

/** The header is checked first, so a foreign or future file is named as such, not as noise. */
export const BackupHeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT, 'this is not a Last Impression backup'),
  version: v.pipe(v.number('version must be a number'), v.integer()),
});

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist(BACKUP_VERSIONS),
  exportedAt: IsoDate,
  contacts: v.array(BackupContactSchema, 'contacts must be a list'),
  touches: v.array(BackupTouchSchema, 'touches must be a list'),
  news: v.optional(v.array(BackupNewsSchema, 'news must be a list')),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupContact = v.InferOutput<typeof BackupContactSchema>;
export type BackupTouch = v.InferOutput<typeof BackupTouchSchema>;
export type BackupNews = v.InferOutput<typeof BackupNewsSchema>;
