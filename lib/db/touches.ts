import * as v from 'valibot';
import { addToSummary, nudgeIndex } from '../impressions';
import { describeIssues, identityToKey, type Contact, type Identity, type Touch } from '../model';
import { findContactByIdentity, newContact, type Result } from './contacts';
import { reviewTables, type LastImpressionDb } from './database';
import { logTouchInputSchema, touchPatchSchema } from './inputs';
import { forgetTold, newsTables, recordTold } from './news';
import { rememberPage } from './reach';
import { touchesIn } from './month-columns';
import { byTime, findTouch, monthsOfContact, putTouches, removeTouches } from './months';
import { getSettings } from './settings';
import { addEpisode, tallyTouches } from './review-store';
import { runningOf, setRunning } from './running';
import { recomputeContact } from './summary';
import { nextEpisode } from '../review';

function fieldsFromIdentity(identity: Identity, name: string | undefined, headline?: string) {
  return {
    name: name ?? identity.value,
    emails: identity.kind === 'email' ? [identity.value] : [],
    linkedin: identity.kind === 'linkedin' ? [identity.value] : [],
    ...(headline ? { headline } : {}),
  };
}

/**
 * Logs a touch and updates its contact's summary in one transaction, creating the contact
 * from the identity when it is new.
 */
export async function logTouch(
  db: LastImpressionDb,
  input: unknown,
  now: number,
): Promise<Result<{ touch: Touch; contact: Contact }>> {
  const parsed = v.safeParse(logTouchInputSchema(now), input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  const data = parsed.output;
  const at = data.at ?? now;

  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const settings = await getSettings(db);
      let contact = data.contactId ? await db.contacts.get(data.contactId) : undefined;
      // A stale id (the contact was merged away meanwhile) must not clone its identity.
      if (!contact && data.identity) {
        contact = await findContactByIdentity(db, identityToKey(data.identity));
      }
      if (!contact) {
        if (!data.identity) return { ok: false as const, error: 'That contact no longer exists' };
        contact = newContact(
          fieldsFromIdentity(data.identity, data.name, data.headline),
          settings,
          now,
        );
      }
      const touch: Touch = await recordTold(db, {
        id: crypto.randomUUID(),
        contactId: contact.id,
        at,
        channel: data.channel,
        outcome: data.outcome,
        ...(data.note ? { note: data.note } : {}),
        ...(data.goodNews || data.newsId ? { goodNews: true } : {}),
        ...(data.newsId ? { newsId: data.newsId } : {}),
        source: data.source,
        createdAt: now,
        updatedAt: now,
      });
      // Equal times are ordered by creation and id, so only a strictly later touch is
      // folded in without reading the others.
      const inOrder =
        contact.halfLifeDays === settings.halfLifeDays &&
        (contact.lastTouchAt === null || at > contact.lastTouchAt);
      // With the latest touch positive (or none) no withdrawal runs, so the common log reads no
      // shard; otherwise the contact's is read alongside the touch's writes.
      const mayRun = inOrder && contact.lastOutcome !== 'positive' && contact.lastOutcome !== null;
      const [, , open] = await Promise.all([
        putTouches(db, [touch], 'new-ids'),
        tallyTouches(db.touchTallies, [touch]),
        mayRun ? runningOf(db.running, contact.id) : undefined,
      ]);
      await rememberPage(db, contact.id, data.pageUrl, at);
      // A dismissal lasts until the next touch, whatever date that touch carries.
      delete contact.dismissedAt;
      let next: Contact;
      if (inOrder) {
        next = { ...contact, ...addToSummary(contact, touch), updatedAt: now };
        Object.assign(next, nudgeIndex(next, settings));
        const step = nextEpisode(open, contact.lastOutcome, touch);
        if (step.open !== open) await setRunning(db.running, new Map([[contact.id, step.open]]));
        if (step.closed) {
          const month = await addEpisode(db, step.closed);
          const months = next.repairMonths ?? [];
          if (!months.includes(month)) next.repairMonths = [...months, month];
        }
        await db.contacts.put(next);
      } else {
        await db.contacts.put(contact);
        next = await recomputeContact(db, contact, settings, now, at);
      }
      return { ok: true as const, value: { touch, contact: next } };
    },
  );
}

export async function editTouch(
  db: LastImpressionDb,
  touchId: string,
  patch: unknown,
  now: number,
): Promise<Result<Touch>> {
  const parsed = v.safeParse(touchPatchSchema(now), patch);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  const data = parsed.output;
  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const touch = await findTouch(db, touchId);
      if (!touch) return { ok: false as const, error: 'That touch no longer exists' };
      let next: Touch = { ...touch, ...data, updatedAt: now };
      if (data.note === '') delete next.note;
      // No good news brought, no news shared.
      if (data.goodNews === false) {
        delete next.goodNews;
        delete next.newsId;
      }
      next = await recordTold(db, next);
      const replaced = await putTouches(db, [next], 'any');
      await tallyTouches(db.touchTallies, [next], replaced);
      const contact = await db.contacts.get(touch.contactId);
      const since = Math.min(touch.at, next.at);
      if (contact) await recomputeContact(db, contact, await getSettings(db), now, since);
      return { ok: true as const, value: next };
    },
  );
}

/** Deletes a touch and returns it, so the caller can offer Undo with `restoreTouch`. */
export async function deleteTouch(
  db: LastImpressionDb,
  touchId: string,
  now: number,
): Promise<Touch | undefined> {
  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const [touch] = await removeTouches(db, [touchId]);
      if (!touch) return undefined;
      await Promise.all([forgetTold(db, touchId), tallyTouches(db.touchTallies, [], [touch])]);
      const contact = await db.contacts.get(touch.contactId);
      if (contact) await recomputeContact(db, contact, await getSettings(db), now, touch.at);
      return touch;
    },
  );
}

export async function restoreTouch(
  db: LastImpressionDb,
  touch: Touch,
  now: number,
): Promise<boolean> {
  return db.transaction(
    'rw',
    [db.contacts, db.touchMonths, db.touchIds, db.meta, ...newsTables(db), ...reviewTables(db)],
    async () => {
      const contact = await db.contacts.get(touch.contactId);
      if (!contact) return false;
      const replaced = await putTouches(db, [await recordTold(db, touch)], 'any');
      await tallyTouches(db.touchTallies, [touch], replaced);
      const since = Math.min(touch.at, ...replaced.map((t) => t.at));
      await recomputeContact(db, contact, await getSettings(db), now, since);
      return true;
    },
  );
}

/** The contact's touches, newest first. */
export async function recentTouches(
  db: LastImpressionDb,
  contactId: string,
  limit: number,
): Promise<Touch[]> {
  let held = 0;
  // Newest months first, only as many as hold `limit` touches.
  const months = await monthsOfContact(db, contactId)
    .reverse()
    .until((m) => (held += m.ids.length) >= limit, true)
    .toArray();
  return months
    .flatMap(touchesIn)
    .sort((a, b) => byTime(b, a))
    .slice(0, limit);
}
