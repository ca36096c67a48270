import * as v from 'valibot';
import { MAX_NAME_LENGTH, NoteSchema } from '../model';

/**
 * Who would care about a piece of good news: contacts named one by one (by id), and every
 * contact of a company or carrying a tag (matched without regard to letter case).
 */
export type AudienceEntry =
  | { kind: 'contact'; id: string }
  | { kind: 'company'; value: string }
  | { kind: 'tag'; value: string };

/** A piece of good news the rep records once and shares with whoever it matches. */
export interface NewsItem {
  id: string;
  headline: string;
  details?: string;
  /** The local calendar day it happened, `yyyy-MM-dd`; newest news is named first. */
  day: string;
  audience: AudienceEntry[];
  createdAt: number;
  updatedAt: number;
}

/**
 * One row per touch that told a contact a piece of news (`touch.newsId`), written in the same
 * transaction as the touch, so "who was told" is read off an index, never by scanning touches.
 */
export interface ToldRecord {
  touchId: string;
  newsId: string;
  contactId: string;
}

export const MAX_HEADLINE_LENGTH = 200;
export const MAX_AUDIENCE_ENTRIES = 500;

const Uuid = v.pipe(v.string('id must be text'), v.uuid('id must be a UUID'));
const Term = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`),
);

export const AudienceEntrySchema = v.variant('kind', [
  v.object({ kind: v.literal('contact'), id: Uuid }),
  v.object({ kind: v.literal('company'), value: Term }),
  v.object({ kind: v.literal('tag'), value: Term }),
]);

export const DaySchema = v.pipe(
  v.string('day must be text'),
  v.isoDate('day must be a date such as 2026-01-31'),
);

/** What the form (or an import) gives to record or edit one item. */
export const NewsInputSchema = v.object({
  headline: v.pipe(
    v.string('headline must be text'),
    v.trim(),
    v.nonEmpty('Headline: say what the good news is'),
    v.maxLength(MAX_HEADLINE_LENGTH, `Headline is longer than ${MAX_HEADLINE_LENGTH} characters`),
  ),
  details: v.optional(v.pipe(NoteSchema, v.trim())),
  day: DaySchema,
  audience: v.pipe(
    v.array(AudienceEntrySchema, 'audience must be a list'),
    v.maxLength(MAX_AUDIENCE_ENTRIES, `at most ${MAX_AUDIENCE_ENTRIES} entries`),
  ),
});
export type NewsInput = v.InferInput<typeof NewsInputSchema>;
