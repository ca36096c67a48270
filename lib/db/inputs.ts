import * as v from 'valibot';
import {
  CadenceSchema,
  ChannelSchema,
  EmailSchema,
  IdentitySchema,
  LinkedinPathSchema,
  MAX_FUTURE_MS,
  MAX_NAME_LENGTH,
  NameSchema,
  NoteSchema,
  OutcomeSchema,
  SOURCES,
} from '../model';
import { InstantSchema } from '../time';

const optionalText = (max: number, what: string) =>
  v.optional(
    v.pipe(
      v.string(`${what} must be text`),
      v.trim(),
      v.maxLength(max, `${what} is longer than ${max} characters`),
    ),
  );

/** What is needed to log a touch: an existing contact, or an identity seen on a page. */
export const LogTouchInputSchema = v.object({
  contactId: v.optional(v.pipe(v.string(), v.uuid('contactId is not an id'))),
  identity: v.optional(IdentitySchema),
  /** Name to give a contact created by this log. */
  name: v.optional(NameSchema),
  headline: optionalText(MAX_NAME_LENGTH, 'headline'),
  at: v.optional(InstantSchema),
  channel: ChannelSchema,
  outcome: OutcomeSchema,
  note: v.optional(NoteSchema),
  goodNews: v.optional(v.boolean()),
  /** The good-news item shared (it implies `goodNews`); one no longer stored is dropped. */
  newsId: v.optional(v.pipe(v.string(), v.uuid('newsId is not an id'))),
  /** The host page logged on: its Gmail account and thread open the next "Write to". */
  pageUrl: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  source: v.picklist(SOURCES),
});
export type LogTouchInput = v.InferOutput<typeof LogTouchInputSchema>;

export const TouchPatchSchema = v.object({
  at: v.optional(InstantSchema),
  channel: v.optional(ChannelSchema),
  outcome: v.optional(OutcomeSchema),
  note: v.optional(NoteSchema),
  goodNews: v.optional(v.boolean()),
});
export type TouchPatch = v.InferOutput<typeof TouchPatchSchema>;

export const ContactFieldsSchema = v.object({
  name: NameSchema,
  emails: v.array(EmailSchema),
  linkedin: v.array(LinkedinPathSchema),
  company: optionalText(MAX_NAME_LENGTH, 'company'),
  headline: optionalText(MAX_NAME_LENGTH, 'headline'),
  notes: v.optional(NoteSchema),
  tags: v.optional(
    v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('tags must not be empty'), v.maxLength(100))),
  ),
  cadenceDays: v.optional(CadenceSchema),
  excludeFromNudges: v.optional(v.boolean()),
});
export type ContactFields = v.InferOutput<typeof ContactFieldsSchema>;

/** A snooze ends at most a year after `now` (`until: 1e300` would snooze forever). */
export function nudgeChangeSchema(now: number) {
  return v.object({
    snoozedUntil: v.optional(
      v.pipe(InstantSchema, v.maxValue(now + MAX_FUTURE_MS, 'snooze for at most a year')),
    ),
    dismissedAt: v.optional(InstantSchema),
  });
}
