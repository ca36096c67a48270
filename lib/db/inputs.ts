import * as v from 'valibot';
import {
  ChannelSchema,
  IdentitySchema,
  MAX_FUTURE_MS,
  MAX_NAME_LENGTH,
  NameSchema,
  NoteSchema,
  OutcomeSchema,
  SOURCES,
  touchTimeSchema,
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

/**
 * What is needed to log a touch: an existing contact, or an identity seen on a page. One
 * schema checks it all, its time against `now` included, so the write that follows works on
 * typed data and checks nothing again.
 */
export function logTouchInputSchema(now: number) {
  return v.pipe(
    v.object({
      contactId: v.optional(v.pipe(v.string(), v.uuid('contactId is not an id'))),
      identity: v.optional(IdentitySchema),
      /** Name to give a contact created by this log. */
      name: v.optional(NameSchema),
      headline: optionalText(MAX_NAME_LENGTH, 'headline'),
      at: v.optional(touchTimeSchema(now)),
      channel: ChannelSchema,
      outcome: OutcomeSchema,
      note: v.optional(NoteSchema),
      goodNews: v.optional(v.boolean()),
      /** The good-news item shared (it implies `goodNews`); one no longer stored is dropped. */
      newsId: v.optional(v.pipe(v.string(), v.uuid('newsId is not an id'))),
      /** The host page logged on: its Gmail account and thread open the next "Write to". */
      pageUrl: v.optional(v.pipe(v.string(), v.maxLength(4000))),
      source: v.picklist(SOURCES),
    }),
    v.check(
      (input) => input.contactId !== undefined || input.identity !== undefined,
      'Say who the touch was with',
    ),
  );
}

export type LogTouchInput = v.InferOutput<ReturnType<typeof logTouchInputSchema>>;

/** An edit of a touch; a new time is checked against `now` like a logged one. */
export function touchPatchSchema(now: number) {
  return v.object({
    at: v.optional(touchTimeSchema(now)),
    channel: v.optional(ChannelSchema),
    outcome: v.optional(OutcomeSchema),
    note: v.optional(NoteSchema),
    goodNews: v.optional(v.boolean()),
  });
}
export type TouchPatch = v.InferOutput<ReturnType<typeof touchPatchSchema>>;

/** A snooze ends at most a year after `now` (`until: 1e300` would snooze forever). */
export function nudgeChangeSchema(now: number) {
  return v.object({
    snoozedUntil: v.optional(
      v.pipe(InstantSchema, v.maxValue(now + MAX_FUTURE_MS, 'snooze for at most a year')),
    ),
    dismissedAt: v.optional(InstantSchema),
  });
}
