import * as v from 'valibot';
import {
  ComposeSettingsSchema,
  composeSettingsFrom,
  type ComposeSettings,
} from '../compose/settings';
import { writeTarget, type WriteTarget } from '../compose/write';
import { nudgeFor, nudgeRule } from '../impressions';
import { describeIssues } from '../model';
import type { NewsItem } from '../news/types';
import type { LastImpressionDb } from './database';
import { newsForNudges } from './news';
import { getSettings } from './settings';
import { recentTouches } from './touches';

export async function getComposeSettings(db: LastImpressionDb): Promise<ComposeSettings> {
  return composeSettingsFrom((await db.meta.get('compose'))?.value);
}

/** Saves templates and the thread choice; nothing else depends on them, so nothing recomputes. */
export async function saveComposeSettings(
  db: LastImpressionDb,
  input: unknown,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = v.safeParse(ComposeSettingsSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  await db.meta.put({ key: 'compose', value: parsed.output });
  return { ok: true };
}

/** The draft and address for "Write to" a stored contact, as of `now`; null when unreachable. */
export async function writeTargetFor(
  db: LastImpressionDb,
  contactId: string,
  now: number,
): Promise<(WriteTarget & { news?: NewsItem }) | null> {
  const contact = await db.contacts.get(contactId);
  if (!contact) return null;
  const [settings, compose, reach, [lastTouch]] = await Promise.all([
    getSettings(db),
    getComposeSettings(db),
    db.reach.get(contactId),
    recentTouches(db, contactId, 1),
  ]);
  // Due or not (the panel writes to anyone), the rule says which kind of message fits.
  const nudge = nudgeFor(contact, settings, now) ?? { reason: nudgeRule(contact).reason };
  const news = (await newsForNudges(db, [{ nudge, contact }])).get(contactId);
  const target = writeTarget({
    contact,
    reason: nudge.reason,
    news,
    lastTouch,
    reach,
    settings: compose,
    now,
  });
  return target && (news ? { ...target, news } : target);
}
